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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

	/**
	 * An owner changes what deleting a referenced record does while Backroom runs: the very next preview of a
	 * customer with an order says what a delete would now do, since the store's choice is read in the preview's one
	 * statement with the record and its orders.
	 */
	@Test
	void aReferencedCustomersDeleteFollowsTheStoresChoiceFromTheNextPreview() {
		long id = customer(api, uniqueName("Mrs Pumphrey")).path("id").asLong();
		sold(api, id, "CASH", line(item(api, "Tricki's biscuits", "3.20").path("id").asLong(), 1));
		String impact = "/api/customers/" + id + "/impact";
		JsonNode refused = read(api, impact).path("actions").path("delete");
		assertThat(refused.path("allowed").asBoolean()).as("%s", refused).isFalse();
		assertThat(refused.path("reason").asString()).contains("1 sales order").contains("deactivate it instead");
		try {
			assertThat(api.send("PATCH", "/api/settings", "{\"lifecycle\": {\"deleteReferenced\": \"DEACTIVATE\"}}")
				.status()).isEqualTo(200);

			JsonNode instead = read(api, impact).path("actions").path("delete");

			assertThat(instead.path("allowed").asBoolean()).as("%s", instead).isTrue();
			assertThat(instead.path("effect").asString()).isEqualTo("deactivate");
		}
		finally {
			assertThat(api.send("PATCH", "/api/settings", "{\"lifecycle\": {\"deleteReferenced\": \"REFUSE\"}}")
				.status()).isEqualTo(200);
		}
		JsonNode again = read(api, impact).path("actions").path("delete");
		assertThat(again.path("allowed").asBoolean()).as("%s", again).isFalse();
	}

	/**
	 * Someone previews a customer in the trash while another person purges it: the preview answers what it found
	 * or that the customer is gone (404), never an error. The record, its counts and its balance are one read, so
	 * no purge can fall between them.
	 */
	@Test
	void aCustomerPurgedWhileItIsPreviewedIsFoundOrGoneNeverAnError() throws Exception {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String path = "/api/customers/" + creditCustomer(api, uniqueName("Purged mid-preview"), "50.00").path("id").asLong();
			delete(api, path, "Duplicate");
			paths.add(path);
		}
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		ExecutorService previewer = Executors.newSingleThreadExecutor();
		try {
			// Each customer is previewed again and again until it is gone, while the purges run through the list.
			Future<?> previewing = previewer.submit(() -> {
				for (String path : paths) {
					int status;
					do {
						Api.Response preview = api.get(path + "/impact");
						status = preview.status();
						answers.merge(status, 1, Integer::sum);
						assertThat(status).as("preview of %s while it was purged: %s", path, preview).isIn(200, 404);
					}
					while (status == 200);
				}
			});
			for (String path : paths) {
				var purged = api.post(path + "/purge", Map.of("reason", "Duplicate, for good"));
				assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
			}
			previewing.get(2, TimeUnit.MINUTES);
		}
		finally {
			previewer.shutdownNow();
		}
		assertThat(answers).containsOnlyKeys(200, 404);
		assertThat(answers.get(404)).isEqualTo(paths.size());
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
