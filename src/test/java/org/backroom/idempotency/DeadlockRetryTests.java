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

/** A request chosen as a deadlock's victim runs again in a fresh transaction, and the client never sees it. */
@BackroomTest
class DeadlockRetryTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anEditRolledBackByADeadlockIsRetriedAndDoneOnce() throws Exception {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Victim")).path("id").asLong();
		String name = StoreRecords.uniqueName("Survivor");

		Api.Response answer = ForcedDeadlock.during(jdbc, transactions, customer,
				() -> api.put("/api/customers/" + customer, ForcedDeadlock.renamed(name), "If-Match", "\"0\""));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("ETag")).isEqualTo("\"1\"");
		assertThat(StoreRecords.read(api, "/api/customers/" + customer).path("name").asString()).isEqualTo(name);
		assertThat(StoreRecords.read(api, "/api/customers/" + customer + "/history").path("items").values())
			.extracting(entry -> entry.path("action").asString())
			.containsExactly("customer.create", "customer.update");
	}

}
