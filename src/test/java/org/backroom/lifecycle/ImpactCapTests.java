package org.backroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.read;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The impact preview of a customer with a long history costs what a short one costs: counts stop at 1,000, and the
 * answer says so ("1,000+ sales orders", {@code dependentsCapped}) instead of counting every order.
 */
@BackroomTest
class ImpactCapTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerWithMoreThanAThousandOrdersShowsAThousandPlusAndStillCannotBeDeleted() {
		long id = customer(api, "Loyal since forever").path("id").asLong();
		// Two years of a regular's history, written straight into the table: through the API it would take minutes.
		jdbc.sql("""
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT ?, 'Loyal since forever', 'CASH', 1.00, 'admin', now() - g * interval '1 hour'
				FROM generate_series(1, 1005) AS g""").param(id).update();

		JsonNode impact = read(api, "/api/customers/" + id + "/impact");
		assertThat(impact.path("dependents").path("salesOrders").asLong()).isEqualTo(1000);
		assertThat(impact.path("dependentsCapped").values()).extracting(JsonNode::asString).containsExactly("salesOrders");
		assertThat(impact.path("actions").path("delete").path("allowed").asBoolean()).isFalse();
		assertThat(impact.path("actions").path("delete").path("reason").asString()).contains("1,000+ sales orders");

		var refused = api.delete("/api/customers/" + id + "?reason=cleanup");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("dependents").path("salesOrders").asLong()).isEqualTo(1000);
		assertThat(refused.json().path("dependentsCapped").path(0).asString()).isEqualTo("salesOrders");
		assertThat(refused.json().path("detail").asString()).contains("1,000+ sales orders");
	}

	@Test
	void aShortHistoryIsCountedExactly() {
		long id = customer(api, "Now and then").path("id").asLong();
		jdbc.sql("""
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by)
				SELECT ?, 'Now and then', 'CARD', 2.00, 'admin' FROM generate_series(1, 1000)""").param(id).update();

		JsonNode impact = read(api, "/api/customers/" + id + "/impact");
		assertThat(impact.path("dependents").path("salesOrders").asLong()).isEqualTo(1000);
		assertThat(impact.path("dependentsCapped").isEmpty()).isTrue();
		assertThat(impact.path("actions").path("delete").path("reason").asString()).contains("1000 sales orders");
	}

}
