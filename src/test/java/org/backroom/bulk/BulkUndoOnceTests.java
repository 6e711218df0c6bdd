package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/** An undo that ran twice would undo by hand what someone did since; so each job is undone once at most. */
@BackroomTest
class BulkUndoOnceTests extends ApiTest {

	@Test
	void aJobIsUndoneOnceAndASecondUndoSaysItWasAlreadyUndone() throws InterruptedException {
		long customer = customer("Undo once");
		long job = deactivated(customer);

		var first = api.post("/api/bulk-jobs/" + job + "/undo", Map.of("reason", "wrong list"));
		assertThat(first.status()).as(first.toString()).isEqualTo(202);
		long undoJob = first.json().path("id").asLong();
		BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + undoJob).json().path("status").asString().equals("DONE"));
		api.post("/api/customers/" + customer + "/deactivate", Map.of("reason", "gone after all"));

		var second = api.post("/api/bulk-jobs/" + job + "/undo", Map.of("reason", "again"));
		assertThat(second.status()).as(second.toString()).isEqualTo(409);
		assertThat(second.problemType()).isEqualTo("already-undone");
		assertThat(second.json().path("undoneBy").asLong()).isEqualTo(undoJob);
		assertThat(api.get("/api/customers/" + customer).json().path("status").asString()).isEqualTo("INACTIVE");
		assertThat(undoJobsOf(job)).isEqualTo(1);
	}

	@Test
	void ofTwoUndosSentAtOnceOnlyOneWins() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				long job = deactivated(customer("Raced undo " + round));
				CyclicBarrier start = new CyclicBarrier(2);
				List<CompletableFuture<Api.Response>> undos = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					undos.add(CompletableFuture.supplyAsync(() -> {
						await(start);
						return api.post("/api/bulk-jobs/" + job + "/undo", Map.of("reason", "raced"));
					}, pool));
				}
				List<Integer> statuses = undos.stream().map(CompletableFuture::join).map(Api.Response::status).sorted().toList();
				assertThat(statuses).as("round %d", round).containsExactly(202, 409);
				assertThat(undoJobsOf(job)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long deactivated(long customer) throws InterruptedException {
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				List.of(customer), "reason", "clean-up")).json().path("id").asLong();
		BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"));
		return job;
	}

	/** How many undo jobs the trail says were made for this job. */
	private int undoJobsOf(long job) {
		int count = 0;
		for (var entry : api.get("/api/audit?action=bulk-job.create&limit=100").json().path("items")) {
			if (entry.path("changes").path("undoOf").asLong() == job) {
				count++;
			}
		}
		return count;
	}

	private long customer(String name) {
		return api.post("/api/customers", Map.of("name", name)).json().path("id").asLong();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
