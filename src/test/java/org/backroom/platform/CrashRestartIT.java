package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.backroom.support.BackroomProcess;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of Backroom leaves its PostgreSQL running (pg_ctl detached it). The next start must work the first
 * time, even from a shell whose {@code PG*} variables would break PostgreSQL, and say what it found.
 */
class CrashRestartIT {

	private final Path data = Path.of("target", "it-data", "crash-" + System.nanoTime()).toAbsolutePath();

	@AfterEach
	void removeTheData() throws Exception {
		EmbeddedServer.deleteTree(data);
	}

	@Test
	void startsTheFirstTimeAfterAKill9AndKeepsEverySale() throws Exception {
		long sale;
		long orphan;
		try (BackroomProcess first = BackroomProcess.start("crash-first", Map.of(), "--backroom.data.dir=" + data)) {
			first.awaitHealthy(Duration.ofSeconds(90));
			long item = StoreRecords.item(first.api(), "Kettle", "20.00").path("id").asLong();
			sale = first.api().post("/api/sales-orders", Map.of("payment", "CASH", "lines",
					List.of(Map.of("itemId", item, "quantity", 1)))).json().path("id").asLong();
			first.kill();
			orphan = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the postmaster lives on").contains(true);
		}
		Map<String, String> hostileShell = Map.of("PGPORT", "", "PGDATA", "/nonexistent", "PGHOST", "nowhere.invalid",
				"PGOPTIONS", "-c fsync=off");
		try (BackroomProcess second = BackroomProcess.start("crash-second", hostileShell, "--backroom.data.dir=" + data)) {
			second.awaitHealthy(Duration.ofSeconds(90));
			assertThat(second.api().get("/api/sales-orders/" + sale).status()).isEqualTo(200);
			assertThat(second.log()).contains("Found a PostgreSQL left running by a previous Backroom (pid " + orphan + ")")
				.contains("Embedded PostgreSQL durability: fsync=on, synchronous_commit=on, full_page_writes=on");
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(second.terminate(Duration.ofSeconds(60))).as("stopped on SIGTERM").isTrue();
		}
		assertThat(Files.readString(data.resolve("postgres.log"))).contains("database system is shut down");
		assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
	}

}
