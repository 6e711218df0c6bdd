package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.backroom.support.Api;
import org.backroom.support.BackroomProcess;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while cashiers sell and a bulk job runs: requests in flight finish, the embedded PostgreSQL stops with a
 * clean checkpoint (no crash recovery on the next start), and the job goes on where it stopped.
 */
class ShutdownIT {

	private final Path data = Path.of("target", "it-data", "shutdown-" + System.nanoTime()).toAbsolutePath();

	@AfterEach
	void removeTheData() throws Exception {
		EmbeddedServer.deleteTree(data);
	}

	@Test
	void aSigtermLosesNoSaleStopsPostgresCleanlyAndTheJobResumes() throws Exception {
		String[] args = { "--backroom.data.dir=" + data, "--backroom.bulk.batch-size=3", "--backroom.bulk.pause=500ms" };
		var acknowledged = new ConcurrentLinkedQueue<Long>();
		var failures = new ConcurrentLinkedQueue<String>();
		long job;
		try (BackroomProcess first = BackroomProcess.start("shutdown-first", Map.of(), args)) {
			Api api = first.awaitHealthy(Duration.ofSeconds(90)).api();
			List<Long> customers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				customers.add(StoreRecords.customer(api, "Dormant " + i).path("id").asLong());
			}
			long item = StoreRecords.item(api, "Tea", "3.00").path("id").asLong();
			job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", customers,
					"reason", "dormant")).json().path("id").asLong();
			ExecutorService cashiers = Executors.newFixedThreadPool(3);
			for (int i = 0; i < 3; i++) {
				cashiers.submit(() -> sellUntilRefused(api, item, acknowledged, failures));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20
					&& api.get("/api/bulk-jobs/" + job).json().path("done").asInt() >= 3);
			assertThat(first.terminate(Duration.ofSeconds(60))).as("stopped on SIGTERM").isTrue();
			// The database is still up at SIGTERM, so the last seal runs (it is skipped only when it is gone).
			assertThat(first.log()).contains("Audit sealing at shutdown: ").doesNotContain("Audit sealing at shutdown skipped");
			cashiers.shutdown();
			assertThat(cashiers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(failures).as("no request failed with a server error").isEmpty();
		String postgresLog = Files.readString(data.resolve("postgres.log"));
		assertThat(postgresLog).contains("database system is shut down");

		try (BackroomProcess second = BackroomProcess.start("shutdown-second", Map.of(), args)) {
			Api api = second.awaitHealthy(Duration.ofSeconds(90)).api();
			String restart = Files.readString(data.resolve("postgres.log")).substring(postgresLog.length());
			assertThat(restart).contains("database system was shut down at").doesNotContain("was interrupted")
				.doesNotContain("redo starts");
			for (long id : acknowledged) {
				assertThat(api.get("/api/sales-orders/" + id).status()).as("sale %d", id).isEqualTo(200);
			}
			await().atMost(Duration.ofSeconds(40))
				.until(() -> "DONE".equals(api.get("/api/bulk-jobs/" + job).json().path("status").asString()));
			assertThat(api.get("/api/bulk-jobs/" + job).json().path("done").asInt()).isEqualTo(12);
			assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
		}
	}

	/** Sells until the server stops answering; a refused connection is the end of the shift, a 5xx is a failure. */
	private static void sellUntilRefused(Api api, long item, ConcurrentLinkedQueue<Long> acknowledged,
			ConcurrentLinkedQueue<String> failures) {
		Map<String, Object> sale = Map.of("payment", "CASH", "lines", List.of(Map.of("itemId", item, "quantity", 1)));
		while (true) {
			Api.Response answer;
			try {
				answer = api.post("/api/sales-orders", sale);
			}
			catch (IllegalStateException connectionRefused) {
				return;
			}
			if (answer.status() == 201) {
				acknowledged.add(answer.json().path("id").asLong());
			}
			else if (answer.status() == 503) {
				return;
			}
			else {
				failures.add(answer.toString());
			}
		}
	}

}
