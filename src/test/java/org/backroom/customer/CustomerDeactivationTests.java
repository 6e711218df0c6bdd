package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerIds;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.lookupIds;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, point 4: a deactivated customer leaves the lists and the sale picker and cannot be sold to, keeps its
 * history exactly, and comes back whole when reactivated.
 */
@BackroomTest
class CustomerDeactivationTests extends ApiTest {

	private String name;

	private long id;

	private String path;

	private long itemId;

	@BeforeEach
	void aCustomerWithHistory() {
		name = uniqueName("Mrs Bunter");
		JsonNode customer = customer(api, Map.of("name", name, "creditAllowed", true, "creditLimit", "500"));
		id = customer.path("id").asLong();
		path = "/api/customers/" + id;
		itemId = item(api, "Tea caddy", "7.25").path("id").asLong();
		sold(api, id, "CASH", line(itemId, 1));
		sold(api, id, "CREDIT", line(itemId, 2, "7.00", "1.00"));
	}

	@Test
	void hidesADeactivatedCustomerFromTheListAndTheSalePicker() {
		assertThat(customerIds(api, name, "active")).containsExactly(id);
		assertThat(lookupIds(api, name)).containsExactly(id);

		JsonNode deactivated = transition(api, path, "deactivate", "Moved to Australia");

		assertThat(deactivated.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(deactivated.path("statusReason").asString()).isEqualTo("Moved to Australia");
		assertThat(deactivated.path("statusChangedAt").asString()).isNotBlank();
		assertThat(read(api, path).path("status").asString()).isEqualTo("INACTIVE");
		assertThat(customerIds(api, name, "active")).isEmpty();
		assertThat(lookupIds(api, name)).isEmpty();
		assertThat(customerIds(api, name, "inactive")).containsExactly(id);
		assertThat(customerIds(api, name, "all")).containsExactly(id);
		assertThat(customerIds(api, name, "deleted")).isEmpty();
	}

	@Test
	void refusesANewSaleForADeactivatedCustomerAndSaysWhichOne() {
		String code = read(api, path).path("code").asString();
		transition(api, path, "deactivate", "Closed account");

		for (String payment : List.of("CASH", "CARD", "CREDIT")) {
			var refused = sell(api, id, payment, line(itemId, 1));

			assertThat(refused.status()).as("%s", refused).isEqualTo(409);
			assertThat(refused.problemType()).isEqualTo("record-inactive");
			assertThat(refused.json().path("detail").asString()).contains(name).contains(code).contains("inactive");
		}
		assertThat(ordersOf(api, id)).hasSize(2);
		assertThat(read(api, path).path("balance").asString()).isEqualTo("13.00");
	}

	@Test
	void keepsADeactivatedCustomersPastOrdersExactlyAsTheyWere() {
		List<JsonNode> before = ordersOf(api, id);
		JsonNode customerBefore = read(api, path);

		transition(api, path, "deactivate", "Dormant for two years");

		assertThat(ordersOf(api, id)).isEqualTo(before);
		for (JsonNode order : before) {
			assertThat(read(api, "/api/sales-orders/" + order.path("id").asLong())).isEqualTo(order);
		}
		JsonNode customerAfter = read(api, path);
		assertThat(customerAfter.path("balance")).isEqualTo(customerBefore.path("balance"));
		assertThat(customerAfter.path("lastOrderAt")).isEqualTo(customerBefore.path("lastOrderAt"));
	}

	@Test
	void bringsEverythingBackOnReactivation() {
		transition(api, path, "deactivate", "Closed account");

		JsonNode reactivated = transition(api, path, "reactivate", "Came back from Australia");

		assertThat(reactivated.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(reactivated.path("statusReason").asString()).isEqualTo("Came back from Australia");
		assertThat(customerIds(api, name, "active")).containsExactly(id);
		assertThat(customerIds(api, name, "inactive")).isEmpty();
		assertThat(lookupIds(api, name)).containsExactly(id);
		JsonNode order = sold(api, id, "CREDIT", line(itemId, 1));
		assertThat(order.path("customerId").asLong()).isEqualTo(id);
		assertThat(ordersOf(api, id)).hasSize(3);
		assertThat(read(api, path).path("balance").asString()).isEqualTo("20.25");
	}

	@Test
	void asksWhyACustomerIsDeactivated() {
		JsonNode before = read(api, path);
		for (Object body : new Object[] { null, Map.of(), because(""), because("   "), because("x".repeat(501)) }) {
			var refused = api.post(path + "/deactivate", body);

			assertThat(refused.status()).as("%s: %s", body, refused).isEqualTo(422);
			assertThat(refused.problemType()).isEqualTo("validation");
			assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("reason");
		}
		assertThat(read(api, path)).isEqualTo(before);
	}

	@Test
	void asksWhyACustomerIsReactivated() {
		transition(api, path, "deactivate", "Closed account");
		JsonNode before = read(api, path);

		var refused = api.post(path + "/reactivate", Map.of());

		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("validation");
		assertThat(read(api, path)).isEqualTo(before);
	}

	@Test
	void refusesToDeactivateACustomerTwice() {
		transition(api, path, "deactivate", "Closed account");
		JsonNode before = read(api, path);

		var refused = api.post(path + "/deactivate", because("again"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("invalid-transition");
		assertThat(read(api, path)).isEqualTo(before);
		var notInactive = api.post("/api/customers/" + customer(api, uniqueName("Fresh")).path("id").asLong()
				+ "/reactivate", because("it is not inactive"));
		assertThat(notInactive.status()).isEqualTo(409);
		assertThat(notInactive.problemType()).isEqualTo("invalid-transition");
	}

}
