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
 * The delivery log and the dispatcher's claim cost a page whatever the endpoints' history: an endpoint that
 * delivered 40,000 events shows its newest page from its log index, and the dispatcher, polling every second,
 * finds the few due deliveries of a live endpoint without reading the 20,000 that wait for a paused one (what was
 * pending when it was paused waits for it to resume).
 */
@BackroomTest
class WebhookDeliveryPlanTests extends ApiTest {

	private static final int PAGE = 51;

	private static final int CLAIMED = 8;

	private static final long LIVE = 900_001;

	private static final long PAUSED = 900_002;

	private static final long QUIET = 900_003;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theLogAndTheClaimReadAPageWhateverTheHistory() {
		// Ids far past any other test's, so that the statements take them as values, as the application's do.
		List<String> fill = List.of("""
				INSERT INTO webhook_endpoints (id, url, secret, active, created_by) OVERRIDING SYSTEM VALUE VALUES
				    (%d, 'http://127.0.0.1:9/plan-live', 'plan-test-secret-0001', true, 'plan test'),
				    (%d, 'http://127.0.0.1:9/plan-paused', 'plan-test-secret-0002', false, 'plan test'),
				    (%d, 'http://127.0.0.1:9/plan-quiet', 'plan-test-secret-0003', true, 'plan test')"""
			.formatted(LIVE, PAUSED, QUIET), """
				INSERT INTO events (type, version, record_kind, record_id, payload)
				SELECT 'CustomerDeactivated', 1, 'customer', g, '{"planTest": true}' FROM generate_series(1, 60000) AS g""",
				"""
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, status, attempts, next_attempt_at, give_up_at, delivered_at)
				SELECT %d, e.id, e.id, e.type, e.record_kind, e.record_id, 'event', 'DELIVERED', 1, NULL,
				       now() + interval '1 day', now()
				FROM events e WHERE e.payload @> '{"planTest": true}' AND e.record_id <= 100""".formatted(QUIET),
				"""
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, status, attempts, next_attempt_at, give_up_at, delivered_at)
				SELECT %s, e.id, e.id, e.type, e.record_kind, e.record_id, 'event', 'DELIVERED', 1, NULL,
				       now() + interval '1 day', now()
				FROM events e WHERE e.payload @> '{"planTest": true}' AND e.record_id <= 40000""".formatted(LIVE), """
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, status, attempts, next_attempt_at, give_up_at)
				SELECT %d, e.id, e.id, e.type,
				       e.record_kind, e.record_id, 'event', 'PENDING', 3, now() - interval '2 hours', now() + interval '1 day'
				FROM events e WHERE e.payload @> '{"planTest": true}' AND e.record_id > 40000""".formatted(PAUSED), """
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, status, attempts, next_attempt_at, give_up_at)
				SELECT %s, e.id, e.id, e.type, e.record_kind, e.record_id, 'redeliver', 'PENDING', 0,
				       now() - interval '1 minute', now() + interval '1 day'
				FROM events e WHERE e.payload @> '{"planTest": true}' AND e.record_id <= 60""".formatted(LIVE),
				"ANALYZE webhook_endpoints", "ANALYZE events", "ANALYZE webhook_deliveries");
		String claim = Deliveries.CLAIM.replace(":lease", "'30000 milliseconds'").replace(":limit", String.valueOf(CLAIMED));

		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, fill,
				Map.of("a busy endpoint's newest log page",
						new RecordQueries.Query(Deliveries.LOG, List.of(LIVE, Long.MAX_VALUE, PAGE)),
						"a quiet endpoint's newest log page",
						new RecordQueries.Query(Deliveries.LOG, List.of(QUIET, Long.MAX_VALUE, PAGE)),
						"the dispatcher's claim", new RecordQueries.Query(claim, List.of())));

		assertThat(plans.get("the dispatcher's claim")).startsWith("Update on webhook_deliveries d (actual")
			.containsPattern("^Update on webhook_deliveries d \\(actual [^\\n]*rows=" + CLAIMED + " loops=1\\)")
			.contains("Index Scan using webhook_deliveries_due_per_endpoint on webhook_deliveries c");
		plans.forEach((name, plan) -> {
			assertThat(plan).as(name).doesNotContain("Seq Scan on webhook_deliveries");
			assertThat(QueryPlans.mostRowsOfAnyStep(plan)).as(name + ":\n" + plan).isLessThanOrEqualTo(2 * PAGE);
		});
	}

}
