package org.backroom.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.delete;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.walkIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 13, points 2 and 3: a merge with its preview, what it refuses, and history left as it was issued. */
@BackroomTest
class CustomerMergeTests extends ApiTest {

	private long itemId;

	@BeforeEach
	void anItem() {
		itemId = item(api, "Merge tea", "10.00").path("id").asLong();
	}

	private long creditCustomer(String name, String limit) {
		return customer(api, Map.of("name", uniqueName(name), "creditAllowed", true, "creditLimit", limit,
				"email", uniqueName("m").replace(' ', '.') + "@example.com")).path("id").asLong();
	}

	private Api.Response merge(long survivor, List<Long> duplicates, Map<String, Object> fields) {
		return api.post("/api/customers/" + survivor + "/merge",
				Map.of("duplicateIds", duplicates, "fields", fields, "reason", "The same person twice"));
	}

	@Test
	void previewsWhatMovesAndWhatConflictsThenMergesWithoutTouchingAnOrder() {
		long survivor = creditCustomer("Jon Smith", "100");
		long duplicate = creditCustomer("John Smith", "50");
		sold(api, duplicate, "CREDIT", line(itemId, 3));
		sold(api, duplicate, "CASH", line(itemId, 1));
		sold(api, survivor, "CASH", line(itemId, 2));
		List<JsonNode> ordersBefore = orders(survivor, true);
		assertThat(ordersBefore).hasSize(1);

		JsonNode preview = read(api, "/api/customers/" + survivor + "/merge/preview?duplicateIds=" + duplicate);
		assertThat(preview.path("allowed").asBoolean()).isTrue();
		assertThat(preview.path("moves").path("orders").asLong()).isEqualTo(2);
		assertThat(preview.path("moves").path("balance").asString()).isEqualTo("30.00");
		List<String> conflicting = new ArrayList<>();
		preview.path("conflicts").forEach(c -> conflicting.add(c.path("field").asString()));
		assertThat(conflicting).contains("name", "email", "creditLimit");

		Api.Response merged = merge(survivor, List.of(duplicate), Map.of("email", "fromDuplicate"));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		JsonNode duplicateNow = read(api, "/api/customers/" + duplicate);
		assertThat(merged.json().path("email").asString()).isEqualTo(duplicateNow.path("email").asString());
		assertThat(merged.json().path("balance").asString()).isEqualTo("30.00");
		assertThat(duplicateNow.path("status").asString()).isEqualTo("MERGED");
		assertThat(duplicateNow.path("mergedInto").asLong()).isEqualTo(survivor);
		assertThat(duplicateNow.path("balance").asString()).isEqualTo("0.00");

		List<JsonNode> all = orders(survivor, true);
		assertThat(all).hasSize(3);
		assertThat(all.stream().filter(o -> o.path("customerId").asLong() == duplicate).count())
			.as("the duplicate's orders keep their customerId").isEqualTo(2);
		assertThat(orders(survivor, false)).hasSize(1);
		assertThat(orders(duplicate, true)).hasSize(2);
	}

	@Test
	void aSurvivorIsNotDeletedWhileACustomerIsMergedIntoItSoItsOrdersAndTheUnmergeStay() {
		long survivor = creditCustomer("Ann Lee", "100");
		long duplicate = creditCustomer("Anne Lee", "100");
		assertThat(merge(survivor, List.of(duplicate), Map.of()).status()).isEqualTo(200);

		var refused = api.delete("/api/customers/" + survivor + "?reason=" + Api.encode("Tidying up"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-referenced");
		assertThat(read(api, "/api/customers/" + survivor).path("status").asString()).isEqualTo("ACTIVE");
		assertThat(read(api, "/api/customers/" + survivor + "/impact").path("actions").path("delete").toString())
			.contains("merged customer");
	}

	@Test
	void aPreviewNamingNoDuplicateOrAnUnreadableOneIsRefusedAsInvalid() {
		long survivor = creditCustomer("Ida Ray", "100");

		for (String query : List.of("duplicateIds=+", "duplicateIds=", "duplicateIds=abc")) {
			var refused = api.get("/api/customers/" + survivor + "/merge/preview?" + query);

			assertThat(refused.status()).as(query + ": " + refused).isEqualTo(422);
			assertThat(refused.problemType()).as(query).isEqualTo("validation");
		}
	}

	@Test
	void refusesASaleNamingAMergedCustomerAndNamesTheSurvivor() {
		long survivor = creditCustomer("Ann Lee", "0");
		long duplicate = creditCustomer("Anne Lee", "0");
		assertThat(merge(survivor, List.of(duplicate), Map.of()).status()).isEqualTo(200);

		Api.Response sale = sell(api, duplicate, "CASH", line(itemId, 1));

		assertThat(sale.status()).isEqualTo(409);
		assertThat(sale.problemType()).isEqualTo("record-merged");
		assertThat(sale.json().path("mergedInto").asLong()).isEqualTo(survivor);
		assertThat(ids(api.get("/api/customers/lookup?q=" + Api.encode("Anne Lee")).json())).doesNotContain(duplicate);
		assertThat(ids(api.get("/api/customers?status=active&limit=100").json().path("items"))).doesNotContain(duplicate);
		assertThat(ids(api.get("/api/customers?status=merged&limit=100").json().path("items"))).contains(duplicate);
		assertThat(ids(api.get("/api/customers?status=all&limit=100").json().path("items"))).contains(duplicate);
		Api.Response read = api.get("/api/customers/" + duplicate);
		Api.Response edit = api.put("/api/customers/" + duplicate, Map.of("name", "Edited after the merge"),
				"If-Match", read.header("ETag"));
		assertThat(edit.status()).as("an edit would be lost by unmerge").isEqualTo(409);
	}

	@Test
	void refusesTheWalkInATrashedRecordAnAlreadyMergedOneAndAChainOfMerges() {
		long survivor = creditCustomer("Bo Park", "0");
		long trashed = creditCustomer("Bo Parks", "0");
		delete(api, "/api/customers/" + trashed, "entered by mistake");
		long walkIn = walkIn(api).path("id").asLong();

		assertThat(refusal(survivor, walkIn)).isEqualTo("system-record");
		assertThat(refusal(walkIn, survivor)).isEqualTo("system-record");
		assertThat(refusal(survivor, trashed)).isEqualTo("in-trash");

		long duplicate = creditCustomer("Bo Pak", "0");
		assertThat(merge(survivor, List.of(duplicate), Map.of()).status()).isEqualTo(200);
		long other = creditCustomer("B. Park", "0");
		assertThat(refusal(other, duplicate)).isEqualTo("merged");
		Api.Response intoMerged = merge(duplicate, List.of(other), Map.of());
		assertThat(intoMerged.status()).isEqualTo(409);
		assertThat(intoMerged.problemType()).isEqualTo("record-merged");
		assertThat(intoMerged.json().path("mergedInto").asLong()).isEqualTo(survivor);
		assertThat(refusal(other, survivor)).as("a survivor of a merge is not merged itself").isEqualTo("has-merged");
	}

	@Test
	void refusesAMergeWithoutAReasonOrWithAnUnknownFieldAndChangesNothing() {
		long survivor = creditCustomer("Cy Dunn", "0");
		long duplicate = creditCustomer("Cy Dun", "0");
		Api.Response noReason = api.post("/api/customers/" + survivor + "/merge",
				Map.of("duplicateIds", List.of(duplicate), "fields", Map.of("colour", "fromDuplicate")));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("fields.colour", "reason");
		assertThat(read(api, "/api/customers/" + duplicate).path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void waitsForApprovalWhenTheSettingsSaySoAndMergesOnceApproved() {
		long survivor = creditCustomer("Di Ross", "0");
		long duplicate = creditCustomer("Di Rose", "0");
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.merge", true)));
		try {
			Api.Response held = merge(survivor, List.of(duplicate), Map.of());
			assertThat(held.status()).as(held.toString()).isEqualTo(202);
			assertThat(held.json().path("action").asString()).isEqualTo("customer.merge");
			assertThat(held.json().path("status").asString()).isEqualTo("PENDING");
			assertThat(read(api, "/api/customers/" + duplicate).path("status").asString()).isEqualTo("ACTIVE");

			Api manager = staffWithRole("Manager");
			Api.Response approved = manager.post(held.header("Location") + "/approve", because("checked"));
			assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
			assertThat(read(api, "/api/customers/" + duplicate).path("mergedInto").asLong()).isEqualTo(survivor);
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("customer.merge", false)));
		}
	}

	private String refusal(long survivor, long duplicate) {
		JsonNode preview = read(api, "/api/customers/" + survivor + "/merge/preview?duplicateIds=" + duplicate);
		assertThat(preview.path("allowed").asBoolean()).isFalse();
		Api.Response merged = merge(survivor, List.of(duplicate), Map.of());
		assertThat(merged.status()).isEqualTo(409);
		return preview.path("refused").path(0).path("code").asString();
	}

	private List<JsonNode> orders(long customerId, boolean includeMerged) {
		List<JsonNode> orders = new ArrayList<>();
		api.get("/api/sales-orders?limit=100&customerId=" + customerId + "&includeMerged=" + includeMerged)
			.json()
			.path("items")
			.forEach(orders::add);
		return orders;
	}

	private static List<Long> ids(JsonNode records) {
		List<Long> ids = new ArrayList<>();
		records.forEach(r -> ids.add(r.path("id").asLong()));
		return ids;
	}

}
