package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.backroom.support.DurableBackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

/** A store's embedded server keeps its pages in memory sized to the machine, or as configured. */
@DurableBackroomTest
@TestPropertySource(properties = "backroom.data.memory=192MB")
class ServerMemoryTests {

	private static final long GIGABYTE = DataSize.ofGigabytes(1).toBytes();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theConfiguredMemoryIsWhatTheServerRunsWith() {
		assertThat(jdbc.sql("SHOW shared_buffers").query(String.class).single()).isEqualTo("192MB");
	}

	@Test
	void aConfigurationReloadLeavesNothingPendingARestart() {
		jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT pg_conf_load_time() > pg_postmaster_start_time()").query(Boolean.class).single());
		assertThat(jdbc.sql("SELECT name FROM pg_settings WHERE pending_restart").query(String.class).list()).isEmpty();
		assertThat(jdbc.sql("SELECT name, error FROM pg_file_settings WHERE error IS NOT NULL").query().listOfRows())
			.isEmpty();
	}

	@Test
	void aStoreTakesAQuarterOfTheMachineAndTellsThePlannerHalf() {
		assertThat(ServerMemory.settings(null, false, 16 * GIGABYTE))
			.containsEntry("shared_buffers", 4 * 1024 * 1024 + "kB")
			.containsEntry("effective_cache_size", 8 * 1024 * 1024 + "kB");
	}

	@Test
	void aLargeMachineGivesAtMostEightGigabytesAndASmallOneTheDefault() {
		assertThat(ServerMemory.buffers(null, false, 256 * GIGABYTE)).isEqualTo(DataSize.ofGigabytes(8));
		assertThat(ServerMemory.buffers(null, false, GIGABYTE / 4)).isEqualTo(DataSize.ofMegabytes(128));
	}

	@Test
	void tooLittleMemoryIsRefusedWithWhatToSet() {
		assertThatThrownBy(() -> ServerMemory.settings(DataSize.ofKilobytes(64), false, 16 * GIGABYTE))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("backroom.data.memory=64KB")
			.hasMessageContaining("at least 16MB");
	}

	@Test
	void asMuchAsTheMachineHasIsRefused() {
		assertThatThrownBy(() -> ServerMemory.settings(DataSize.ofGigabytes(32), false, 16 * GIGABYTE))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("backroom.data.memory=32768MB is not less than this machine's memory (16384MB)");
	}

	@Test
	void aThrowAwayServerKeepsPostgresqlsDefault() {
		assertThat(ServerMemory.settings(null, true, 64 * GIGABYTE)).containsEntry("shared_buffers", 128 * 1024 + "kB")
			.containsEntry("effective_cache_size", 128 * 1024 + "kB");
	}

}
