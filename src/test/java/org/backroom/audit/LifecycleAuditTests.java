package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.TrashPurge;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every lifecycle transition is in the audit trail with its reason, as what was done rather than what was asked:
 * in a store whose setting deactivates a referenced customer on delete, that delete is recorded as a deactivation.
 */
@BackroomTest(properties = { "backroom.data.dir=", "backroom.demo=false", "backroom.trash.purge-cron=-",
		"backroom.lifecycle.delete-referenced=deactivate" })
class LifecycleAuditTests extends ApiTest {

	@Autowired
	private TrashPurge trashPurge;

	@Autowired
	private JdbcClient jdbc;

	private AuditClient audit;

	@BeforeEach
	void client() {
		audit = new AuditClient(api);
	}

	@Test
	void recordsADeleteThatDeactivatedAsADeactivationWithItsReason() {
		long customer = audit.customer(Map.of("name", AuditClient.unique("Has orders"))).path("id").asLong();
		var item = api.post("/api/items",
				Map.of("sku", AuditClient.unique("LC").replace(' ', '-'), "name", "Port", "price", "12.00"));
		api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(Map.of("itemId", item.json().path("id").asLong(), "quantity", 1))));

		var answer = api.delete("/api/customers/" + customer + "?reason=" + Api.encode("Shop closed"));

		assertThat(answer.json().path("outcome").asString()).as(answer.toString()).isEqualTo("DEACTIVATED");
		JsonNode last = last(audit.history("customers", customer));
		assertThat(last.path("action").asString()).isEqualTo("customer.deactivate");
		assertThat(last.path("reason").asString()).isEqualTo("Shop closed");
	}

	@Test
	void keepsTheHistoryOfAPurgedCustomer() {
		long customer = audit.customer(Map.of("name", AuditClient.unique("Purged"))).path("id").asLong();
		api.delete("/api/customers/" + customer + "?reason=duplicate");
		var purged = api.post("/api/customers/" + customer + "/purge", Map.of("reason", "Duplicate of C000001"));
		assertThat(purged.status()).as(purged.toString()).isEqualTo(200);

		assertThat(api.get("/api/customers/" + customer).status()).isEqualTo(404);
		List<JsonNode> history = audit.history("customers", customer);
		assertThat(history).extracting(entry -> entry.path("action").asString())
			.containsExactly("customer.create", "customer.delete", "customer.purge");
		assertThat(last(history).path("reason").asString()).isEqualTo("Duplicate of C000001");
		assertThat(last(history).path("changes").path("status").path("to").isNull()).isTrue();
	}

	@Test
	void recordsTheScheduledPurgeAsTheSystem() {
		long customer = audit.customer(Map.of("name", AuditClient.unique("Old trash"))).path("id").asLong();
		api.delete("/api/customers/" + customer + "?reason=duplicate");
		jdbc.sql("UPDATE customers SET status_changed_at = now() - interval '31 days' WHERE id = ?")
			.param(customer)
			.update();

		trashPurge.purgeExpired();

		JsonNode last = last(audit.history("customers", customer));
		assertThat(last.path("action").asString()).isEqualTo("customer.purge");
		assertThat(last.path("actor").asString()).isEqualTo("system");
		assertThat(last.path("reason").asString()).startsWith("Expired from the trash");
		assertThat(last.path("requestId").isNull()).isTrue();
	}

	private static JsonNode last(List<JsonNode> history) {
		return history.get(history.size() - 1);
	}

}
