package org.backroom.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention review proposes, through the bulk preview and a list for erasure, and changes no record. */
@BackroomTest
class RetentionReviewTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void proposesDormantCustomersForDeactivationAndLongInactiveOnesForErasure() {
		assertThat(api.get("/api/settings").json().path("privacy").path("retention")
			.path("eraseAfterYearsInactive").isNull()).isTrue();
		long item = api.post("/api/items", Map.of("sku", "RT-" + UUID.randomUUID().toString().substring(0, 8),
				"name", "Retention tea", "price", "1.00")).json().path("id").asLong();
		long dormant = customerWithAnOldSale(item);
		long longInactive = customerWithAnOldSale(item);
		api.post("/api/customers/" + longInactive + "/deactivate", Map.of("reason", "moved away"));
		Map<String, Object> policy = new HashMap<>();
		policy.put("deactivateAfterMonthsWithoutSale", 6);
		policy.put("eraseAfterYearsInactive", 2);
		assertThat(api.patch("/api/settings", Map.of("privacy", Map.of("retention", policy))).status()).isEqualTo(200);
		try {
			JsonNode review = api.post("/api/privacy/retention-review", null).json();

			assertThat(review.path("deactivation").path("toProcess").valueStream().map(JsonNode::asLong).toList())
				.contains(dormant).doesNotContain(longInactive);
			assertThat(review.path("erasure").valueStream().map(c -> c.path("id").asLong()).toList())
				.contains(longInactive).doesNotContain(dormant);
			assertThat(api.get("/api/customers/" + dormant).json().path("status").asString()).isEqualTo("ACTIVE");
			assertThat(api.get("/api/customers/" + longInactive).json().path("status").asString())
				.isEqualTo("INACTIVE");
			var bad = api.patch("/api/settings", Map.of("privacy", Map.of("retention",
					Map.of("eraseAfterYearsInactive", 0))));
			assertThat(bad.status()).isEqualTo(422);
		}
		finally {
			policy.put("deactivateAfterMonthsWithoutSale", null);
			policy.put("eraseAfterYearsInactive", null);
			api.patch("/api/settings", Map.of("privacy", Map.of("retention", policy)));
		}
		assertThat(api.get("/api/settings").json().path("privacy").path("retention")
			.path("deactivateAfterMonthsWithoutSale").isNull()).isTrue();
	}

	private long customerWithAnOldSale(long item) {
		long customer = api.post("/api/customers", Map.of("name", "Retained " + UUID.randomUUID())).json()
			.path("id").asLong();
		long order = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", 1)))).json().path("id").asLong();
		jdbc.sql("UPDATE sales_orders SET created_at = timestamptz '1990-06-01 12:00Z' WHERE id = ?").param(order)
			.update();
		jdbc.sql("UPDATE customers SET created_at = timestamptz '1990-01-01 12:00Z' WHERE id = ?").param(customer)
			.update();
		return customer;
	}

}
