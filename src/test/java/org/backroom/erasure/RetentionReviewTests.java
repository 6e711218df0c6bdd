package org.backroom.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention review proposes two bulk jobs and acts on nothing; a person starts one (through approval when the
 * store wants it) or discards it, and an erasure job erases through the erasure feature, refusals as outcomes.
 */
@BackroomTest
class RetentionReviewTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionReview review;

	long item;

	@BeforeEach
	void policy() {
		item = api.post("/api/items", Map.of("sku", "RT-" + UUID.randomUUID().toString().substring(0, 8), "name",
				"Retention tea", "price", "1.00")).json().path("id").asLong();
		// Only customers whose last sale is older than 1996 are proposed for erasure: none but this test's own.
		policy(6, 30);
	}

	@AfterEach
	void noPolicy() {
		policy(null, null);
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.erase", false)));
	}

	@Test
	void theNightlyReviewProposesTwoJobsThatChangeNothingUntilSomeoneStartsOne() {
		long dormant = customerWithAnOldSale("Dormant Dora");
		long gone = inactive(customerWithAnOldSale("Gone Gordon"));
		long held = inactive(customerWithAnOldSale("Held Hilda"));
		api.post("/api/customers/" + held + "/legal-hold", Map.of("reason", "court order 7"));
		long owing = inactive(customerWithAnOldSale("Owing Otto"));
		jdbc.sql("UPDATE customers SET balance = 12.50 WHERE id = ?").param(owing).update();

		review.scheduled();

		List<JsonNode> proposed = api.get("/api/bulk-jobs/proposed").json().valueStream().toList();
		JsonNode deactivation = only(proposed, "deactivate");
		JsonNode erasure = only(proposed, "erase");
		assertThat(deactivation.path("requestedBy").asString()).isEqualTo("system:retention-review");
		assertThat(erasure.path("requestedBy").asString()).isEqualTo("system:retention-review");
		assertThat(outcomes(deactivation)).containsEntry(dormant, "PENDING").doesNotContainKeys(gone, held, owing);
		Map<Long, String> toErase = outcomes(erasure);
		assertThat(toErase).containsEntry(gone, "PENDING").containsEntry(held, "SKIPPED legal-hold")
			.containsEntry(owing, "SKIPPED open-balance").doesNotContainKey(dormant);
		assertThat(api.get("/api/audit?action=bulk-job.propose&recordKind=bulk-job&recordId="
				+ erasure.path("id").asLong()).json().path("items").get(0).path("actor").asString())
			.isEqualTo("system:retention-review");

		// Nobody started them: for a whole second, both stay proposed and every customer as it was.
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
				status(dormant).equals("ACTIVE") && status(gone).equals("INACTIVE")
						&& job(erasure).path("status").asString().equals("PROPOSED")
						&& job(deactivation).path("status").asString().equals("PROPOSED"));
		var discarded = api.post("/api/bulk-jobs/" + deactivation.path("id").asLong() + "/discard",
				Map.of("reason", "we keep dormant accounts open this year"));
		assertThat(discarded.json().path("status").asString()).isEqualTo("DISCARDED");
		assertThat(status(dormant)).isEqualTo("ACTIVE");

		var started = api.post("/api/bulk-jobs/" + erasure.path("id").asLong() + "/start",
				Map.of("reason", "retention policy: thirty years"));
		assertThat(started.status()).isEqualTo(202);
		awaitDone(erasure);
		JsonNode done = job(erasure);
		assertThat(done.path("done").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(done.path("skipped").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(done.path("failed").asInt()).isZero();
		assertThat(status(gone)).isEqualTo("ERASED");
		assertThat(new PersonalDataScan(jdbc).find("Gone Gordon")).isEmpty();
		assertThat(new PersonalDataScan(jdbc).find("gordon@example.test")).isEmpty();
		assertThat(status(held)).isEqualTo("INACTIVE");
		assertThat(api.get("/api/customers/" + owing).json().path("name").asString()).startsWith("Owing Otto");
		assertThat(outcomes(erasure)).containsEntry(gone, "DONE").containsEntry(held, "SKIPPED legal-hold");
		assertThat(api.post("/api/bulk-jobs/" + erasure.path("id").asLong() + "/start", Map.of("reason", "again"))
			.problemType()).endsWith("invalid-transition");
	}

	@Test
	void startingAProposedErasureWaitsForApprovalWhenErasureNeedsOne() {
		long gone = inactive(customerWithAnOldSale("Approved Abe"));
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.erase", true)));
		JsonNode ran = api.post("/api/privacy/retention-review", null).json();
		long job = ran.path("erasure").path("id").asLong();
		assertThat(ran.path("erasure").path("status").asString()).isEqualTo("PROPOSED");
		assertThat(outcomes(job(job))).containsEntry(gone, "PENDING");
		Api cashier = staffWithRole("Cashier");
		assertThat(cashier.post("/api/bulk-jobs/" + job + "/start", Map.of("reason", "x")).status()).isEqualTo(403);

		JsonNode waiting = api.post("/api/bulk-jobs/" + job + "/start", Map.of("reason", "policy")).json();
		assertThat(waiting.path("status").asString()).isEqualTo("PENDING_APPROVAL");
		long request = waiting.path("approvalRequestId").asLong();
		assertThat(api.get("/api/approvals/" + request).json().path("action").asString()).isEqualTo("bulk.erase");
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
				status(gone).equals("INACTIVE") && job(job).path("status").asString().equals("PENDING_APPROVAL"));

		Api otherOwner = staffWithRole("Owner");
		assertThat(otherOwner.post("/api/approvals/" + request + "/approve", Map.of("reason", "checked")).status())
			.isEqualTo(200);
		awaitDone(job(job));
		assertThat(status(gone)).isEqualTo("ERASED");
		assertThat(new PersonalDataScan(jdbc).find("Approved Abe")).isEmpty();
	}

	@Test
	void aBulkErasurePreviewRefusesTheWalkInCustomerAsASingleErasureWould() {
		long walkIn = org.backroom.support.StoreRecords.walkIn(api).path("id").asLong();
		long gone = inactive(customerWithAnOldSale("Previewed Pia"));
		JsonNode preview = api.post("/api/bulk-jobs/preview", Map.of("recordKind", "customer", "action", "erase",
				"ids", List.of(walkIn, gone))).json();
		assertThat(preview.path("toProcess").valueStream().map(JsonNode::asLong).toList()).containsExactly(gone);
		assertThat(preview.path("skipped").get(0).path("reason").asString()).isEqualTo("system-record");
		assertThat(api.post("/api/bulk-jobs/preview", Map.of("recordKind", "customer", "action", "erase",
				"dormantSince", "2020-01-01")).status()).isEqualTo(422);
		assertThat(status(gone)).isEqualTo("INACTIVE");
	}

	private void policy(Integer months, Integer years) {
		Map<String, Object> policy = new HashMap<>();
		policy.put("deactivateAfterMonthsWithoutSale", months);
		policy.put("eraseAfterYearsInactive", years);
		assertThat(api.patch("/api/settings", Map.of("privacy", Map.of("retention", policy))).status()).isEqualTo(200);
	}

	private long customerWithAnOldSale(String name) {
		String unique = name + " " + UUID.randomUUID().toString().substring(0, 6);
		long customer = api.post("/api/customers", Map.of("name", unique, "email",
				name.split(" ")[1].toLowerCase(java.util.Locale.ROOT) + "@example.test"))
			.json().path("id").asLong();
		long order = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", 1)))).json().path("id").asLong();
		jdbc.sql("UPDATE sales_orders SET created_at = timestamptz '1990-06-01 12:00Z' WHERE id = ?").param(order)
			.update();
		jdbc.sql("UPDATE customers SET created_at = timestamptz '1990-01-01 12:00Z' WHERE id = ?").param(customer)
			.update();
		return customer;
	}

	private long inactive(long customer) {
		assertThat(api.post("/api/customers/" + customer + "/deactivate", Map.of("reason", "moved away")).status())
			.isEqualTo(200);
		return customer;
	}

	private static JsonNode only(List<JsonNode> jobs, String action) {
		List<JsonNode> found = jobs.stream().filter(job -> job.path("action").asString().equals(action)).toList();
		assertThat(found).as("proposed %s jobs", action).hasSize(1);
		return found.get(0);
	}

	private JsonNode job(JsonNode job) {
		return job(job.path("id").asLong());
	}

	private JsonNode job(long id) {
		return api.get("/api/bulk-jobs/" + id).json();
	}

	/** Each record of the job: its outcome, and for a skipped one why ({@code SKIPPED legal-hold}). */
	private Map<Long, String> outcomes(JsonNode job) {
		Map<Long, String> outcomes = new HashMap<>();
		api.get("/api/bulk-jobs/" + job.path("id").asLong() + "/records?limit=1000").json().path("items")
			.forEach(record -> outcomes.put(record.path("recordId").asLong(), record.path("outcome").asString()
					+ (record.path("reason").isNull() || record.path("reason").isMissingNode() ? ""
							: " " + record.path("reason").asString())));
		return outcomes;
	}

	private void awaitDone(JsonNode job) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> job(job).path("status").asString().equals("DONE"));
	}

	private String status(long customer) {
		return api.get("/api/customers/" + customer).json().path("status").asString();
	}

}
