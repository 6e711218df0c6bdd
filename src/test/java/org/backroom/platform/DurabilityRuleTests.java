package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Relaxed durability is for throw-away test databases only, and only when asked for. */
class DurabilityRuleTests {

	@Test
	void aStoresDataDirectoryIsDurableByDefault() {
		assertThat(Durability.of(new DataSettings("./data", false, null))).isEqualTo(Durability.DURABLE);
		assertThat(Durability.DURABLE.settings()).containsEntry("fsync", "on")
			.containsEntry("synchronous_commit", "on")
			.containsEntry("full_page_writes", "on");
	}

	@Test
	void refusesRelaxedDurabilityForARealDataDirectory() {
		assertThatThrownBy(() -> Durability.of(new DataSettings("./data", true, null)))
			.hasMessageContaining("only for throw-away test databases");
	}

	@Test
	void aThrowAwayDatabaseMayRunRelaxedWhenAsked() {
		assertThat(Durability.of(new DataSettings("", true, null))).isEqualTo(Durability.RELAXED);
		assertThat(Durability.of(new DataSettings("", false, null))).isEqualTo(Durability.DURABLE);
	}

}
