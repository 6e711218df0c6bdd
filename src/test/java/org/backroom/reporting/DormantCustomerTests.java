package org.backroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BackroomTest
class DormantCustomerTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsActiveCustomersWithNoSaleSinceTheDateWithLastSaleLifetimeAndBalance() {
		long item = api.post("/api/items", Map.of("sku", "DRM-" + System.nanoTime(), "name", "Dormancy", "price", "10.00"))
			.json().path("id").asLong();
		long old = customer("Old Olga", true);
		long never = customer("Never Nils", false);
		long recent = customer("Recent Rosa", false);
		long inactive = customer("Inactive Ivo", false);
		long oldSale = sale(old, item, "CREDIT");
		sale(old, item, "CASH");
		sale(recent, item, "CASH");
		jdbc.sql("UPDATE sales_orders SET created_at = '2019-06-01Z' WHERE customer_id = ?").param(old).update();
		api.post("/api/customers/" + inactive + "/deactivate", Map.of("reason", "gone"));

		List<JsonNode> rows = all("/api/reports/dormant-customers?since=2020-01-01&limit=2");
		List<Long> ids = rows.stream().map(row -> row.path("id").asLong()).toList();
		assertThat(ids).contains(old, never).doesNotContain(recent, inactive);
		assertThat(ids).isSorted();
		assertThat(rows.stream().map(row -> row.path("code").asString())).doesNotContain("WALK-IN");
		JsonNode olga = rows.stream().filter(row -> row.path("id").asLong() == old).findFirst().orElseThrow();
		assertThat(olga.path("lastSaleAt").asString()).startsWith("2019-06-01");
		assertThat(olga.path("lifetimeSales").asString()).isEqualTo("20.00");
		assertThat(olga.path("balance").asString()).isEqualTo("10.00");
		JsonNode nils = rows.stream().filter(row -> row.path("id").asLong() == never).findFirst().orElseThrow();
		assertThat(nils.path("lastSaleAt").isNull()).isTrue();
		assertThat(nils.path("lifetimeSales").asString()).isEqualTo("0.00");
		assertThat(oldSale).isPositive();
	}

	@Test
	void aBadDateOrLimitIsAValidationProblem() {
		assertThat(api.get("/api/reports/dormant-customers?since=last-year").status()).isEqualTo(422);
		assertThat(api.get("/api/reports/dormant-customers?limit=1000").status()).isEqualTo(422);
	}

	/** Follows nextCursor to the end: the review is keyset-paged. */
	private List<JsonNode> all(String first) {
		List<JsonNode> rows = new ArrayList<>();
		String path = first;
		while (true) {
			JsonNode page = api.get(path).json();
			page.path("rows").forEach(rows::add);
			if (page.path("nextCursor").isNull()) {
				return rows;
			}
			path = first + "&cursor=" + page.path("nextCursor").asString();
		}
	}

	private long customer(String name, boolean credit) {
		return api.post("/api/customers", credit ? Map.of("name", name, "creditAllowed", true, "creditLimit", "100.00")
				: Map.of("name", name)).json().path("id").asLong();
	}

	private long sale(long customer, long item, String payment) {
		var sale = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", payment, "lines",
				List.of(Map.of("itemId", item, "quantity", 1))));
		assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
		return sale.json().path("id").asLong();
	}

}
