package org.backroom.events;

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
 * The end of the feed, which the webhook fan-out reads every round of a store with no endpoint, is one step down
 * the unique index on the sequence, however many events the store has made.
 */
@BackroomTest
class EventFeedPlanTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theNewestSequenceIsReadFromTheEndOfItsIndex() {
		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, List.of("""
				INSERT INTO events (seq, type, version, record_kind, record_id, payload)
				SELECT 50000000 + g, 'CustomerDeactivated', 1, 'customer', g, CAST('{"planTest": true}' AS jsonb)
				FROM generate_series(1, 30000) AS g""", "ANALYZE events"),
				Map.of("the end of the feed", new RecordQueries.Query(EventFeed.NEWEST, List.of())));

		String plan = plans.get("the end of the feed");
		assertThat(plan).contains("Index Only Scan Backward using events_seq_unique on events");
		assertThat(QueryPlans.mostRowsOfAnyStep(plan)).as(plan).isLessThanOrEqualTo(1);
	}

}
