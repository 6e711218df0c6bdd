package org.backroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.creditCustomer;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.delete;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, point 7: before acting, the impact preview tells what points to a customer, what it owes, and which
 * transitions are allowed now and why not; and what it says is what then happens.
 */
@BackroomTest
class ImpactPreviewTests extends ApiTest {

	private static final List<String> ACTIONS = List.of("deactivate", "reactivate", "delete", "restore", "purge");

	@Test
	void previewsANewCustomer() {
		String path = "/api/customers/" + customer(api, uniqueName("Newcomer")).path("id").asLong();

		JsonNode impact = read(api, path + "/impact");

		assertThat(impact.path("dependents").path("salesOrders").asLong()).isZero();
		assertThat(impact.path("openBalance").asString()).isEqualTo("0.00");
		assertAllowed(impact, "deactivate", "delete");
		assertRefusedWithReason(impact, "reactivate", "restore", "purge");
	}

	@Test
	void previewsACustomerWithOrdersAndCreditOwing() {
		long id = creditCustomer(api, uniqueName("Owing"), "100.00").path("id").asLong();
		String path = "/api/customers/" + id;
		long itemId = item(api, "Stilton", "12.50").path("id").asLong();
		sold(api, id, "CREDIT", line(itemId, 2));
		sold(api, id, "CASH", line(itemId, 1));
		sold(api, id, "CREDIT", line(itemId, 1, "12.50", "0.25"));

		JsonNode impact = read(api, path + "/impact");

		assertThat(impact.path("dependents").path("salesOrders").asLong()).isEqualTo(3);
		assertThat(impact.path("openBalance").asString()).isEqualTo("37.25");
		assertAllowed(impact, "deactivate");
		assertThat(impact.path("actions").path("deactivate").path("warnings").toString()).contains("37.25");
		assertRefusedWithReason(impact, "reactivate", "delete", "restore", "purge");
		assertThat(impact.path("actions").path("delete").path("reason").asString()).contains("3 sales orders")
			.contains("deactivate");
		assertThat(api.delete(path + "?reason=" + Api.encode("as previewed")).problemType())
			.isEqualTo("record-referenced");
	}

	@Test
	void previewsAnInactiveCustomer() {
		String path = "/api/customers/" + customer(api, uniqueName("Sleeper")).path("id").asLong();
		transition(api, path, "deactivate", "Dormant");

		JsonNode impact = read(api, path + "/impact");

		assertAllowed(impact, "reactivate", "delete");
		assertRefusedWithReason(impact, "deactivate", "restore", "purge");
		assertThat(impact.path("actions").path("deactivate").path("reason").asString()).contains("inactive");
	}

	@Test
	void previewsACustomerInTheTrash() {
		String path = "/api/customers/" + customer(api, uniqueName("Binned")).path("id").asLong();
		delete(api, path, "Duplicate");

		JsonNode impact = read(api, path + "/impact");

		assertAllowed(impact, "restore", "purge");
		assertRefusedWithReason(impact, "deactivate", "reactivate", "delete");
		assertThat(impact.path("status").asString()).isEqualTo("DELETED");
	}

	@Test
	void doesWhatThePreviewSaysForEveryAction() {
		for (String setup : List.of("active", "inactive", "deleted", "ordered")) {
			for (String action : ACTIONS) {
				String path = "/api/customers/" + customer(api, uniqueName("Preview")).path("id").asLong();
				switch (setup) {
					case "inactive" -> transition(api, path, "deactivate", "setup");
					case "deleted" -> delete(api, path, "setup");
					case "ordered" -> sold(api, read(api, path).path("id").asLong(), "CASH",
							line(item(api, "Cheddar", "4.00").path("id").asLong(), 1));
					default -> {
					}
				}
				boolean allowed = read(api, path + "/impact").path("actions").path(action).path("allowed").asBoolean();

				var answer = "delete".equals(action) ? api.delete(path + "?reason=preview")
						: api.post(path + "/" + action, Map.of("reason", "preview"));

				assertThat(answer.status() == 200).as("%s customer, %s: impact said allowed=%s, got %s", setup, action,
						allowed, answer).isEqualTo(allowed);
			}
		}
	}

	@Test
	void answersNotFoundForTheImpactOfAnUnknownCustomer() {
		var missing = api.get("/api/customers/987654321/impact");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.problemType()).isEqualTo("not-found");
	}

	private static void assertAllowed(JsonNode impact, String... actions) {
		for (String action : actions) {
			assertThat(impact.path("actions").path(action).path("allowed").asBoolean()).as(action).isTrue();
		}
	}

	private static void assertRefusedWithReason(JsonNode impact, String... actions) {
		for (String action : actions) {
			JsonNode check = impact.path("actions").path(action);
			assertThat(check.path("allowed").isBoolean()).as("%s in %s", action, impact).isTrue();
			assertThat(check.path("allowed").asBoolean()).as(action).isFalse();
			assertThat(check.path("reason").asString()).as(action).isNotBlank();
		}
	}

}
