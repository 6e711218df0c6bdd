package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ImportBenchmark} on 2,000 rows in the normal build, so that the benchmark cannot rot. */
@BackroomTest(properties = "backroom.import.batch-size=1000")
class ImportBenchmarkSmokeTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theImportBenchmarkRuns() {
		ImportRun.Timing timing = ImportRun.items(api, new Uploads(port(), ownerAuthorization(), api), jdbc, 2_000,
				"SMOKE-");
		assertThat(timing.rows()).isEqualTo(2_000);
	}

}
