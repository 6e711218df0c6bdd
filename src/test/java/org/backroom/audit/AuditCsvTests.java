package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTests {

	@Test
	void quotesCsvFieldsOnlyWhenTheyNeedIt() {
		assertThat(AuditCsv.field("plain café")).isEqualTo("plain café");
		assertThat(AuditCsv.field("Smith, \"Jo\"")).isEqualTo("\"Smith, \"\"Jo\"\"\"");
		assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(AuditCsv.field(null)).isEmpty();
	}

}
