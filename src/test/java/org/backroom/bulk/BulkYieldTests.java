package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bulk job beside people using the store: it steps aside while requests are in flight, and still does every
 * record exactly once; in a quiet store it never waits. A job's share is a fifth here, so its turns are long.
 */
@BackroomTest(properties = { "backroom.bulk.batch-size=25", "backroom.bulk.share=0.2", "backroom.bulk.quiet=5ms" })
class BulkYieldTests extends ApiTest {

	private static final int CUSTOMERS = 300;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry registry;

	@Test
	void aJobStepsAsideWhileACashierWorksAndStillDoesEachRecordOnceWithOneAuditEntry() {
		List<Long> ids = customers("Yielding");
		Timer yielded = registry.get("backroom.bulk.yielded").timer();
		long yieldsBefore = yielded.count();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger lookups = new AtomicInteger();
		// A cashier at the picker, one keystroke after the other, all the while the job runs.
		CompletableFuture<Void> cashier = CompletableFuture.runAsync(() -> {
			while (!stop.get()) {
				assertThat(api.get("/api/customers/lookup?q=walk").status()).isEqualTo(200);
				lookups.incrementAndGet();
			}
		});
		long job = start(ids);
		awaitDone(job);
		stop.set(true);
		cashier.join();

		assertThat(lookups.get()).isPositive();
		assertThat(yielded.count() - yieldsBefore).as("batches after which the job stepped aside").isPositive();
		assertEveryRecordDoneOnce(job, ids);
	}

	@Test
	void aJobInAQuietStoreGoesOnWithoutWaitingItsTurn() {
		List<Long> ids = customers("Quiet");
		Timer yielded = registry.get("backroom.bulk.yielded").timer();
		long yieldsBefore = yielded.count();
		double secondsBefore = yielded.totalTime(java.util.concurrent.TimeUnit.SECONDS);
		long job = start(ids);
		// Watched from the database, not through HTTP: nobody uses the store while it runs.
		awaitDone(job);

		// At most the first batch, which may end within the quiet period of the request that started the job.
		assertThat(yielded.count() - yieldsBefore).isLessThanOrEqualTo(1);
		assertThat(yielded.totalTime(java.util.concurrent.TimeUnit.SECONDS) - secondsBefore).isLessThan(0.1);
		assertEveryRecordDoneOnce(job, ids);
	}

	@Test
	void aJobsTurnIsWhatItsShareLeavesOfItsBusyTimeAndNeverLongerThanTwoSeconds() {
		assertThat(withShare(0.5).turnAfter(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
		assertThat(withShare(0.2).turnAfter(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(400));
		assertThat(withShare(0.1).turnAfter(Duration.ofSeconds(1))).isEqualTo(BulkYield.LONGEST);
		assertThat(withShare(1).turnAfter(Duration.ofSeconds(1))).isZero();
	}

	private static BulkYield withShare(double share) {
		return new BulkYield(new PeopleWaiting(), new BulkSettings(1000, Duration.ZERO, share, Duration.ofMillis(10)),
				new SimpleMeterRegistry());
	}

	private List<Long> customers(String name) {
		return jdbc.sql("INSERT INTO customers (name) SELECT ? || ' ' || g FROM generate_series(1, ?) AS g RETURNING id")
			.params(name, CUSTOMERS)
			.query(Long.class)
			.list();
	}

	private long start(List<Long> ids) {
		var started = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", ids,
				"reason", "dormant"));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().path("id").asLong();
	}

	private void awaitDone(long job) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("SELECT status FROM bulk_jobs WHERE id = ?").param(job).query(String.class).single(),
					"DONE"::equals);
	}

	private void assertEveryRecordDoneOnce(long job, List<Long> ids) {
		assertThat(jdbc.sql("SELECT done FROM bulk_jobs WHERE id = ?").param(job).query(Integer.class).single())
			.isEqualTo(CUSTOMERS);
		assertThat(jdbc.sql("SELECT record_id FROM bulk_job_records WHERE job_id = ? AND outcome = 'DONE'")
			.param(job)
			.query(Long.class)
			.list()).containsExactlyInAnyOrderElementsOf(ids);
		List<Long> audited = jdbc.sql("""
				SELECT record_id FROM audit_log
				WHERE action = 'customer.deactivate' AND CAST(changes ->> 'bulkJob' AS bigint) = ?""")
			.param(job)
			.query(Long.class)
			.list();
		assertThat(audited).as("one audit entry per record").hasSize(CUSTOMERS).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE id = ANY (CAST(? AS bigint[])) AND status = 'INACTIVE'")
			.param(Selection.array(ids))
			.query(Integer.class)
			.single()).isEqualTo(CUSTOMERS);
	}

}
