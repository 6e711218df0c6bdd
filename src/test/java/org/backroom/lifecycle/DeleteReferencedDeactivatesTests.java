package org.backroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerIds;
import static org.backroom.support.StoreRecords.delete;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.List;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, point 6: a store that sets {@code backroom.lifecycle.delete-referenced=deactivate} gets a deactivation
 * when it deletes a customer with orders, and the answer says so.
 */
@BackroomTest(properties = { "backroom.data.dir=", "backroom.demo=false", "backroom.trash.purge-cron=-",
		"backroom.lifecycle.delete-referenced=deactivate" })
class DeleteReferencedDeactivatesTests extends ApiTest {

	@Test
	void deactivatesACustomerWithOrdersInsteadOfDeletingIt() {
		String name = uniqueName("Colonel Marchbanks");
		long id = customer(api, name).path("id").asLong();
		String path = "/api/customers/" + id;
		sold(api, id, "CASH", line(item(api, "Sherry", "9.00").path("id").asLong(), 1));
		List<JsonNode> orders = ordersOf(api, id);
		JsonNode impact = read(api, path + "/impact").path("actions").path("delete");
		assertThat(impact.path("allowed").asBoolean()).isTrue();
		assertThat(impact.path("effect").asString()).isEqualTo("deactivate");

		var answer = api.delete(path + "?reason=" + Api.encode("No longer a customer"));

		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		assertThat(answer.json().path("outcome").asString()).isEqualTo("DEACTIVATED");
		assertThat(answer.json().path("detail").asString()).contains("1 sales order").contains("deactivated instead");
		assertThat(answer.json().path("record").path("status").asString()).isEqualTo("INACTIVE");
		JsonNode customer = read(api, path);
		assertThat(customer.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(customer.path("statusReason").asString()).isEqualTo("No longer a customer");
		assertThat(customerIds(api, name, "inactive")).containsExactly(id);
		assertThat(customerIds(api, name, "deleted")).isEmpty();
		assertThat(ordersOf(api, id)).isEqualTo(orders);
	}

	@Test
	void stillRefusesToDeleteAnInactiveCustomerWithOrders() {
		long id = customer(api, uniqueName("Inactive with orders")).path("id").asLong();
		String path = "/api/customers/" + id;
		sold(api, id, "CARD", line(item(api, "Brandy", "30.00").path("id").asLong(), 1));
		transition(api, path, "deactivate", "Closed");

		var refused = api.delete(path + "?reason=" + Api.encode("Clear out"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-referenced");
		assertThat(read(api, path).path("status").asString()).isEqualTo("INACTIVE");
	}

	@Test
	void stillDeletesACustomerWithoutOrders() {
		String path = "/api/customers/" + customer(api, uniqueName("Never ordered")).path("id").asLong();

		JsonNode answer = delete(api, path, "Duplicate");

		assertThat(answer.path("outcome").asString()).isEqualTo("DELETED");
		assertThat(read(api, path).path("status").asString()).isEqualTo("DELETED");
	}

}
