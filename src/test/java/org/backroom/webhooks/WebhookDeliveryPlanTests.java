package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.QueryPlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery log and the dispatcher's claim cost a page whatever the endpoints' history. An endpoint that
 * delivered 40,000 events shows its newest page from an index, as one that delivered 100 does. The dispatcher,
 * polling every second on every instance, claims the earliest due deliveries of the active endpoints without reading
 * the 20,000 that wait for a paused one (what was pending when it was paused waits for it to resume), skips those
 * held back behind an earlier delivery of their record, and locks only what it claims. Before, each poll read every
 * pending delivery twice (20,060 rows for 8 claimed).
 */
@BackroomTest
class WebhookDeliveryPlanTests extends ApiTest {

	private static final int PAGE = 51;

	private static final int CLAIMED = 8;

	// Ids far past any other test's, so that the statements take them as values, as the application's do.
	private static final long LIVE = 900_001;

	private static final long OTHER = 900_002;

	private static final long PAUSED = 900_003;

	private static final long QUIET = 900_004;

	/** A record with five events pending at LIVE, due before all others: only the first may go. */
	private static final long BUSY_RECORD = 777_777;

	private static final List<String> FILL = List.of("""
			INSERT INTO webhook_endpoints (id, url, secret, active, created_by) OVERRIDING SYSTEM VALUE VALUES
			    (%d, 'http://127.0.0.1:9/plan-live', 'plan-test-secret-0001', true, 'plan test'),
			    (%d, 'http://127.0.0.1:9/plan-other', 'plan-test-secret-0002', true, 'plan test'),
			    (%d, 'http://127.0.0.1:9/plan-paused', 'plan-test-secret-0003', false, 'plan test'),
			    (%d, 'http://127.0.0.1:9/plan-quiet', 'plan-test-secret-0004', true, 'plan test')"""
		.formatted(LIVE, OTHER, PAUSED, QUIET), """
			INSERT INTO events (type, version, record_kind, record_id, payload)
			SELECT 'CustomerDeactivated', 1, 'customer', g, CAST('{"planTest": true}' AS jsonb) FROM generate_series(1, 60000) AS g
			UNION ALL
			SELECT 'CustomerUpdated', 1, 'customer', %d, CAST('{"planTest": true}' AS jsonb)
			FROM generate_series(1, 5)"""
		.formatted(BUSY_RECORD),
			delivered(QUIET, "e.record_id <= 100"), delivered(LIVE, "e.record_id <= 40000"),
			// What waited for the paused endpoint is due before anything else.
			pending(PAUSED, "e.record_id BETWEEN 40001 AND 60000", 3, "now() - interval '2 hours'"),
			pending(LIVE, "e.record_id = " + BUSY_RECORD, 0, "now() - interval '1 hour'"),
			// Due one after the other, LIVE's and OTHER's interleaved: 2, 3, 4, 5 … seconds after half an hour ago.
			pending(LIVE, "e.record_id <= 300", 0, "now() - interval '30 minutes' + e.record_id * interval '2 seconds'"),
			pending(OTHER, "e.record_id BETWEEN 301 AND 500", 0,
					"now() - interval '30 minutes' + (e.record_id - 300) * interval '2 seconds' + interval '1 second'"),
			"ANALYZE webhook_endpoints", "ANALYZE events", "ANALYZE webhook_deliveries");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theLogAndTheClaimReadAPageWhateverTheHistory() {
		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, FILL,
				Map.of("a busy endpoint's newest log page",
						new RecordQueries.Query(Deliveries.LOG, List.of(LIVE, Long.MAX_VALUE, PAGE)),
						"a quiet endpoint's newest log page",
						new RecordQueries.Query(Deliveries.LOG, List.of(QUIET, Long.MAX_VALUE, PAGE)),
						"the dispatcher's claim", new RecordQueries.Query(claim(), List.of())));

		String claim = plans.get("the dispatcher's claim");
		assertThat(claim).containsPattern("^Update on webhook_deliveries d \\(actual [^\\n]*rows=" + CLAIMED + " loops=1\\)")
			.contains("Index Scan using webhook_deliveries_due_per_endpoint on webhook_deliveries c")
			// It locks what it claims, no more.
			.containsPattern("LockRows \\(actual [^\\n]*rows=" + CLAIMED + " loops=1\\)");
		assertThat(QueryPlans.mostRowsOfAnyStep(claim)).as(claim).isLessThanOrEqualTo(3 * CLAIMED);
		// A log page is read newest first from an index; the busy endpoint's may be read through the newest rows of
		// another (the primary key backward, the planner's choice when the endpoint holds most rows): OTHER's 200.
		plans.forEach((name, plan) -> {
			assertThat(plan).as(name).doesNotContain("Seq Scan on webhook_deliveries");
			assertThat(QueryPlans.mostRowsOfAnyStep(plan)).as(name + ":\n" + plan).isLessThanOrEqualTo(5 * PAGE);
		});
	}

	@Test
	void theClaimTakesTheEarliestDueOfTheActiveEndpointsAndKeepsEachRecordsOrder() {
		List<String> claimed = transaction.execute(status -> {
			status.setRollbackOnly();
			FILL.forEach(statement -> jdbc.sql(statement).update());
			List<Long> ids = jdbc.sql(claim()).query((rs, row) -> rs.getLong("id")).list();
			return jdbc.sql("SELECT endpoint_id || ':' || record_id FROM webhook_deliveries WHERE id IN (:ids)")
				.param("ids", ids)
				.query(String.class)
				.list();
		});

		// The first of the busy record's five, then the interleaved ones; nothing of the paused endpoint.
		assertThat(claimed).containsExactlyInAnyOrder(LIVE + ":" + BUSY_RECORD, LIVE + ":1", OTHER + ":301", LIVE + ":2",
				OTHER + ":302", LIVE + ":3", OTHER + ":303", LIVE + ":4");
	}

	private static String claim() {
		return Deliveries.CLAIM.replace(":lease", "'30000 milliseconds'").replace(":limit", String.valueOf(CLAIMED));
	}

	/** Deliveries to {@code endpoint}, delivered, of the generated events that {@code events} picks. */
	private static String delivered(long endpoint, String events) {
		return deliveries(endpoint, events, "'DELIVERED', 1, NULL, now()");
	}

	/** Deliveries to {@code endpoint}, pending and due at {@code due}, of the generated events {@code events} picks. */
	private static String pending(long endpoint, String events, int attempts, String due) {
		return deliveries(endpoint, events, "'PENDING', " + attempts + ", " + due + ", NULL");
	}

	private static String deliveries(long endpoint, String events, String statusAttemptsDueAndDelivered) {
		return """
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, status, attempts, next_attempt_at, delivered_at, give_up_at)
				SELECT %d, e.id, e.id, e.type, e.record_kind, e.record_id, 'event', %s, now() + interval '1 day'
				FROM events e WHERE e.payload @> '{"planTest": true}' AND %s""".formatted(endpoint,
				statusAttemptsDueAndDelivered, events);
	}

}
