package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bulk jobs through HTTP. Batches of two with a pause between them leave time to act while a job runs.
 */
@BackroomTest(properties = { "backroom.bulk.batch-size=2", "backroom.bulk.pause=400ms" })
class BulkJobTests extends ApiTest {

	@Test
	void previewNamesWhyEachRecordIsSkipped() {
		long walkIn = api.get("/api/customers/lookup?q=walk-in").json().get(0).path("id").asLong();
		long owing = customer("Owing Olga", true);
		sale(owing, "CREDIT");
		long inactive = customer("Inactive Ivo", false);
		api.post("/api/customers/" + inactive + "/deactivate", Map.of("reason", "gone"));
		long fine = customer("Fine Finn", false);
		JsonNode preview = api.post("/api/bulk-jobs/preview", Map.of("recordKind", "customer", "action", "deactivate",
				"ids", List.of(walkIn, owing, inactive, fine, 99_999_999L))).json();
		assertThat(preview.path("total").asInt()).isEqualTo(5);
		assertThat(ids(preview.path("toProcess"))).containsExactly(fine);
		assertThat(reasons(preview)).containsEntry(walkIn, "system-record")
			.containsEntry(owing, "open-balance")
			.containsEntry(inactive, "already-inactive")
			.containsEntry(99_999_999L, "not-found");

		long bought = customer("Bought Ben", false);
		sale(bought, "CASH");
		JsonNode delete = api.post("/api/bulk-jobs/preview", Map.of("recordKind", "customer", "action", "delete",
				"ids", List.of(bought, fine))).json();
		assertThat(reasons(delete)).containsEntry(bought, "referenced");
		assertThat(ids(delete.path("toProcess"))).containsExactly(fine);
	}

	@Test
	void aCustomerWhoBuysWhileTheJobRunsIsSkippedNotDeactivated() throws InterruptedException {
		List<Long> customers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			customers.add(customer("Mid-job " + i, false));
		}
		long buyer = customers.get(5);
		var started = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				customers, "reason", "dormant for years"));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		long job = started.json().path("id").asLong();
		assertThat(started.header("Location")).isEqualTo("/api/bulk-jobs/" + job);
		await(() -> api.get("/api/bulk-jobs/" + job).json().path("done").asInt() >= 2);
		sale(buyer, "CASH");
		JsonNode finished = awaitDone(job);
		assertThat(finished.path("done").asInt()).isEqualTo(5);
		assertThat(finished.path("skipped").asInt()).isEqualTo(1);
		assertThat(status(buyer)).isEqualTo("ACTIVE");
		customers.subList(0, 5).forEach(id -> assertThat(status(id)).isEqualTo("INACTIVE"));
		JsonNode entry = api.get("/api/audit?action=customer.deactivate&recordKind=customer&recordId=" + customers.get(0))
			.json().path("items").get(0);
		assertThat(entry.path("reason").asString()).isEqualTo("dormant for years");
		assertThat(entry.path("changes").path("bulkJob").asLong()).isEqualTo(job);
		assertThat(entry.path("changes").path("requestedBy").asString()).isEqualTo("admin");
	}

	@Test
	void aJobAnswersWithHowManyRecordsItWasGivenAndListsThemPageByPage() throws InterruptedException {
		long a = customer("Counted A", false);
		long b = customer("Counted B", false);
		long c = customer("Counted C", false);
		var started = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				List.of(c, a, b, a), "reason", "tidy"));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		long job = started.json().path("id").asLong();

		// Polled every second while it runs: the answer must not carry every id, 800 kB for a job of 100,000.
		JsonNode finished = awaitDone(job);
		assertThat(finished.path("criteria").path("idCount").asInt()).isEqualTo(3);
		assertThat(finished.path("criteria").has("ids")).isFalse();
		assertThat(started.json().path("criteria")).isEqualTo(finished.path("criteria"));
		JsonNode first = api.get("/api/bulk-jobs/" + job + "/records?limit=2").json();
		JsonNode rest = api.get("/api/bulk-jobs/" + job + "/records?limit=2&cursor="
				+ first.path("nextCursor").asString()).json();
		List<Long> records = new ArrayList<>();
		first.path("items").forEach(outcome -> records.add(outcome.path("recordId").asLong()));
		rest.path("items").forEach(outcome -> records.add(outcome.path("recordId").asLong()));
		assertThat(records).containsExactly(a, b, c);
		assertThat(rest.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void aJobOfDormantCustomersAnswersWithTheDateItWasGiven() {
		var started = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate",
				"dormantSince", "2001-01-01", "reason", "none that old"));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode criteria = api.get("/api/bulk-jobs/" + started.json().path("id").asLong()).json().path("criteria");
		assertThat(criteria.path("dormantSince").asString()).isEqualTo("2001-01-01");
		assertThat(criteria.has("idCount")).isFalse();
	}

	@Test
	void undoReactivatesExactlyWhatTheJobDeactivatedAndNothingChangedSince() throws InterruptedException {
		long a = customer("Undo A", false);
		long b = customer("Undo B", false);
		long c = customer("Undo C", false);
		long before = customer("Undo Already", false);
		api.post("/api/customers/" + before + "/deactivate", Map.of("reason", "earlier"));
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				List.of(a, b, c, before), "reason", "clean-up")).json().path("id").asLong();
		awaitDone(job);
		// B comes back and leaves again by hand: its inactivity is no longer the job's doing.
		api.post("/api/customers/" + b + "/reactivate", Map.of("reason", "back"));
		api.post("/api/customers/" + b + "/deactivate", Map.of("reason", "gone again"));

		var undo = api.post("/api/bulk-jobs/" + job + "/undo", Map.of("reason", "wrong list"));
		assertThat(undo.status()).as(undo.toString()).isEqualTo(202);
		long undoJob = undo.json().path("id").asLong();
		assertThat(undo.json().path("undoOf").asLong()).isEqualTo(job);
		JsonNode finished = awaitDone(undoJob);
		assertThat(finished.path("total").asInt()).isEqualTo(3);
		assertThat(finished.path("done").asInt()).isEqualTo(2);
		assertThat(finished.path("skipped").asInt()).isEqualTo(1);
		assertThat(status(a)).isEqualTo("ACTIVE");
		assertThat(status(c)).isEqualTo("ACTIVE");
		assertThat(status(b)).isEqualTo("INACTIVE");
		assertThat(status(before)).isEqualTo("INACTIVE");
		JsonNode entry = api.get("/api/audit?action=customer.reactivate&recordKind=customer&recordId=" + a).json()
			.path("items").get(0);
		assertThat(entry.path("changes").path("bulkJob").asLong()).isEqualTo(undoJob);
		assertThat(entry.path("changes").path("undoOf").asLong()).isEqualTo(job);
		assertThat(api.post("/api/bulk-jobs/" + undoJob + "/undo", Map.of("reason", "again")).status()).isEqualTo(409);
	}

	@Test
	void idleItemsAreDeactivatedAndUnreferencedCustomersGoToTheTrash() throws InterruptedException {
		long idle = api.post("/api/items", Map.of("sku", "IDLE-" + System.nanoTime(), "name", "Idle", "price", "1.00"))
			.json().path("id").asLong();
		JsonNode preview = api.post("/api/bulk-jobs/preview", Map.of("recordKind", "item", "action", "deactivate",
				"idleSince", "2000-01-01")).json();
		assertThat(ids(preview.path("toProcess"))).contains(idle);
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "item", "action", "deactivate", "ids", List.of(idle),
				"reason", "not sold")).json().path("id").asLong();
		awaitDone(job);
		assertThat(api.get("/api/items/" + idle).json().path("status").asString()).isEqualTo("INACTIVE");

		long typo = customer("Typo Customer", false);
		long trash = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "delete", "ids",
				List.of(typo), "reason", "entered by mistake")).json().path("id").asLong();
		awaitDone(trash);
		assertThat(status(typo)).isEqualTo("DELETED");
		long restore = api.post("/api/bulk-jobs/" + trash + "/undo", Map.of("reason", "oops")).json().path("id").asLong();
		awaitDone(restore);
		assertThat(status(typo)).isEqualTo("ACTIVE");
	}

	@Test
	void badRequestsAreValidationProblems() {
		for (Object body : List.of(Map.of("recordKind", "supplier", "action", "deactivate", "ids", List.of(1)),
				Map.of("recordKind", "customer", "action", "purge", "ids", List.of(1)),
				Map.of("recordKind", "customer", "action", "deactivate"),
				Map.of("recordKind", "customer", "action", "deactivate", "idleSince", "2020-01-01"),
				Map.of("recordKind", "customer", "action", "deactivate", "dormantSince", "soon"),
				Map.of("recordKind", "customer", "action", "deactivate", "ids", List.of()))) {
			var answer = api.post("/api/bulk-jobs/preview", body);
			assertThat(answer.status()).as(body + " " + answer).isEqualTo(422);
		}
		var noReason = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				List.of(1)));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(api.get("/api/bulk-jobs/99999999").status()).isEqualTo(404);
	}

	@Test
	void bulkEndpointsNeedBulkRunAndTheTransitionsOwnPermission() {
		String role = "Bulk only " + System.nanoTime();
		api.post("/api/roles", Map.of("name", role, "permissions", List.of("bulk.run")));
		Api bulkOnly = staffWithRole(role);
		Api cashier = staffWithRole("Cashier");
		Map<String, Object> body = Map.of("recordKind", "customer", "action", "deactivate", "ids", List.of(1),
				"reason", "x");
		for (String path : List.of("/api/bulk-jobs/preview", "/api/bulk-jobs")) {
			assertThat(cashier.post(path, body).json().path("missingPermission").asString()).isEqualTo("bulk.run");
			var refused = bulkOnly.post(path, body);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.json().path("missingPermission").asString()).isEqualTo("customer.deactivate");
		}
		long job = api.post("/api/bulk-jobs", body).json().path("id").asLong();
		assertThat(cashier.post("/api/bulk-jobs/" + job + "/undo", Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(cashier.get("/api/bulk-jobs/" + job).status()).isEqualTo(403);
	}

	static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		await(condition, 30_000);
	}

	static void await(java.util.function.BooleanSupplier condition, long millis) {
		Awaitility.await().atMost(Duration.ofMillis(millis)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
	}

	private JsonNode awaitDone(long job) throws InterruptedException {
		await(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"));
		return api.get("/api/bulk-jobs/" + job).json();
	}

	private String status(long customer) {
		return api.get("/api/customers/" + customer).json().path("status").asString();
	}

	private long customer(String name, boolean credit) {
		return api.post("/api/customers", credit ? Map.of("name", name, "creditAllowed", true, "creditLimit", "100.00")
				: Map.of("name", name)).json().path("id").asLong();
	}

	private void sale(long customer, String payment) {
		long item = api.post("/api/items", Map.of("sku", "BLK-" + System.nanoTime(), "name", "Bulk test", "price", "5.00"))
			.json().path("id").asLong();
		var sale = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", payment, "lines",
				List.of(Map.of("itemId", item, "quantity", 1))));
		assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
	}

	private static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(id -> ids.add(id.asLong()));
		return ids;
	}

	private static Map<Long, String> reasons(JsonNode preview) {
		Map<Long, String> reasons = new HashMap<>();
		preview.path("skipped").forEach(skip -> reasons.put(skip.path("id").asLong(), skip.path("reason").asString()));
		return reasons;
	}

}
