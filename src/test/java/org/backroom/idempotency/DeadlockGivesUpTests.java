package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Own application, allowed a single attempt: what contention still defeats is a 503 to try again, never a 500. */
@BackroomTest(properties = "backroom.idempotency.attempts=1")
class DeadlockGivesUpTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aDeadlockThatOutlastsTheRetriesIsA503TryAgainAndChangesNothing() throws Exception {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Unlucky")).path("id").asLong();

		Api.Response answer = ForcedDeadlock.during(jdbc, transactions, customer,
				() -> api.put("/api/customers/" + customer, ForcedDeadlock.renamed("Never"), "If-Match", "*"));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
		assertThat(answer.problemType()).isEqualTo("try-again");
		assertThat(answer.header("Retry-After")).isEqualTo("1");
		assertThat(StoreRecords.read(api, "/api/customers/" + customer).path("version").asLong()).isZero();
	}

}
