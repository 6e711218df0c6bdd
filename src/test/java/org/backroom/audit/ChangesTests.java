package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChangesTests {

	record Form(long id, String name, BigDecimal limit, String email, long version) {
	}

	@Test
	void listsOnlyTheFieldsThatChangedWithTheirValuesBeforeAndAfter() {
		var before = new Form(1, "Ann", new BigDecimal("10.0"), null, 3);
		var after = new Form(1, "Anne", new BigDecimal("10.00"), "ann@example.com", 4);

		assertThat(Changes.between(before, after)).containsExactly(
				Map.entry("name", new Changes.Change("Ann", "Anne")),
				Map.entry("email", new Changes.Change(null, "ann@example.com")));
	}

	@Test
	void givesTheValuesARecordWasCreatedWithButNotItsBookkeeping() {
		assertThat(Changes.of(new Form(7, "Ann", BigDecimal.ONE, null, 0)))
			.containsExactly(Map.entry("name", "Ann"), Map.entry("limit", BigDecimal.ONE));
	}

	@Test
	void comparesMapsLikeRecords() {
		assertThat(Changes.between(Map.of("status", "ACTIVE"), Map.of("status", "INACTIVE")))
			.containsExactly(Map.entry("status", new Changes.Change("ACTIVE", "INACTIVE")));
	}

}
