package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@BackroomTest
class AuditTrailTests extends ApiTest {

	private AuditClient audit;

	@BeforeEach
	void client() {
		audit = new AuditClient(api);
	}

	@Test
	void showsAnEditFieldByFieldInTheCustomersHistory() {
		String name = AuditClient.unique("Edited");
		JsonNode customer = audit.customer(Map.of("name", name, "phone", "555-0100", "creditLimit", "10.00"));
		long id = customer.path("id").asLong();
		var edited = api.put("/api/customers/" + id,
				Map.of("name", name + " Jr", "phone", "555-0100", "email", "jr@example.com", "creditLimit", "10"),
				"If-Match", "\"" + customer.path("version").asLong() + "\"");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

		List<JsonNode> history = audit.history("customers", id);

		assertThat(history).extracting(entry -> entry.path("action").asString())
			.containsExactly("customer.create", "customer.update");
		JsonNode created = history.get(0);
		assertThat(created.path("recordKind").asString()).isEqualTo("customer");
		assertThat(created.path("recordId").asLong()).isEqualTo(id);
		assertThat(created.path("changes").path("name").asString()).isEqualTo(name);
		JsonNode changes = history.get(1).path("changes");
		assertThat(changes.path("name").path("from").asString()).isEqualTo(name);
		assertThat(changes.path("name").path("to").asString()).isEqualTo(name + " Jr");
		assertThat(changes.path("email").path("from").isNull()).isTrue();
		assertThat(changes.path("email").path("to").asString()).isEqualTo("jr@example.com");
		// Unchanged fields, the same amount written differently, and bookkeeping are not changes.
		assertThat(changes.has("phone")).isFalse();
		assertThat(changes.has("creditLimit")).isFalse();
		assertThat(changes.has("version")).isFalse();
	}

	@Test
	void showsTheReasonOfADeactivationAndWhereItCameFrom() {
		long id = audit.customer(Map.of("name", AuditClient.unique("Moved away"))).path("id").asLong();
		var deactivated = api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "Moved to Lisbon"));
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

		JsonNode entry = audit.history("customers", id).get(1);

		assertThat(entry.path("action").asString()).isEqualTo("customer.deactivate");
		assertThat(entry.path("reason").asString()).isEqualTo("Moved to Lisbon");
		assertThat(entry.path("changes").path("status").path("from").asString()).isEqualTo("ACTIVE");
		assertThat(entry.path("changes").path("status").path("to").asString()).isEqualTo("INACTIVE");
		assertThat(entry.path("actor").asString()).isNotBlank();
		assertThat(entry.path("address").asString()).isNotBlank();
		assertThat(entry.path("requestId").asString()).isEqualTo(deactivated.header("X-Request-Id"));
		assertThat(Instant.parse(entry.path("at").asString())).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	void keepsTheRequestIdAClientSends() {
		String requestId = "till-7-" + AuditClient.unique("sale").replace(' ', '-');
		var created = api.post("/api/customers", Map.of("name", AuditClient.unique("Traced")), "X-Request-Id",
				requestId);

		assertThat(created.header("X-Request-Id")).isEqualTo(requestId);
		JsonNode entry = audit.history("customers", created.json().path("id").asLong()).get(0);
		assertThat(entry.path("requestId").asString()).isEqualTo(requestId);
		assertThat(api.get("/api/audit/verify").header("X-Request-Id")).isNotBlank().isNotEqualTo(requestId);
	}

	@Test
	void findsEntriesByActorActionRecordAndTime() {
		long id = audit.customer(Map.of("name", AuditClient.unique("Filtered"))).path("id").asLong();
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "Filter test"));
		List<JsonNode> history = audit.history("customers", id);
		JsonNode created = history.get(0);
		JsonNode deactivated = history.get(1);
		String actor = created.path("actor").asString();

		assertThat(audit.all("/api/audit?recordKind=customer&recordId=" + id)).extracting(AuditTrailTests::id)
			.containsExactly(id(deactivated), id(created));
		assertThat(audit.all("/api/audit?recordKind=customer&recordId=" + id + "&action=customer.deactivate"))
			.extracting(AuditTrailTests::id)
			.containsExactly(id(deactivated));
		List<JsonNode> byActor = audit.all("/api/audit?limit=100&actor=" + Api.encode(actor));
		assertThat(byActor).extracting(AuditTrailTests::id).contains(id(created), id(deactivated));
		assertThat(byActor).allSatisfy(entry -> assertThat(entry.path("actor").asString()).isEqualTo(actor));
		assertThat(audit.all("/api/audit?actor=nobody-" + id)).isEmpty();

		String at = deactivated.path("at").asString();
		String later = Instant.parse(at).plusMillis(1).toString();
		assertThat(audit.all("/api/audit?recordKind=customer&recordId=" + id + "&from=" + at + "&to=" + later))
			.extracting(AuditTrailTests::id)
			.containsExactly(id(deactivated));
		assertThat(audit.all("/api/audit?recordKind=customer&recordId=" + id + "&to=" + at))
			.extracting(AuditTrailTests::id)
			.containsExactly(id(created));
		assertThat(audit.all("/api/audit?recordKind=customer&recordId=" + id + "&from=2000-01-01&to=2000-01-02"))
			.isEmpty();
	}

	@Test
	void pagesNewestFirstWithACursor() {
		JsonNode customer = audit.customer(Map.of("name", AuditClient.unique("Paged")));
		long id = customer.path("id").asLong();
		for (int version = 0; version < 4; version++) {
			var edited = api.put("/api/customers/" + id, Map.of("name", "Paged edit " + version), "If-Match",
					"\"" + version + "\"");
			assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		}

		List<Long> seen = new ArrayList<>();
		String path = "/api/audit?recordKind=customer&recordId=" + id + "&limit=2";
		JsonNode page = api.get(path).json();
		List<Integer> sizes = new ArrayList<>();
		while (true) {
			sizes.add(page.path("items").size());
			page.path("items").forEach(entry -> seen.add(id(entry)));
			if (page.path("nextCursor").isNull()) {
				break;
			}
			page = api.get(path + "&cursor=" + Api.encode(page.path("nextCursor").asString())).json();
		}

		assertThat(sizes).containsExactly(2, 2, 1);
		assertThat(seen).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(new HashSet<>(seen)).hasSize(5);
		List<Long> oldestFirst = new ArrayList<>(seen);
		Collections.reverse(oldestFirst);
		assertThat(audit.history("customers", id)).extracting(AuditTrailTests::id)
			.containsExactlyElementsOf(oldestFirst);
	}

	@Test
	void refusesBadFiltersAsValidationProblems() {
		for (String query : List.of("from=garbage", "to=2025-13-45", "from=2025-02-01&to=2025-01-01", "recordId=abc",
				"recordId=5", "limit=0", "limit=101", "cursor=not-a-cursor")) {
			for (String path : List.of("/api/audit?", "/api/audit/export?")) {
				if (path.contains("export") && (query.startsWith("limit") || query.startsWith("cursor"))) {
					continue;
				}
				var refused = api.get(path + query);
				assertThat(refused.status()).as(path + query + ": " + refused).isEqualTo(422);
				assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
				assertThat(refused.problemType()).isEqualTo("validation");
			}
		}
		assertThat(api.get("/api/customers/abc/history").status()).as("no record has the id abc").isEqualTo(404);
		assertThat(api.get("/api/widgets/1/history").status()).isEqualTo(404);
	}

	@Test
	void recordsItemsAndSalesOrders() {
		String sku = AuditClient.unique("AUD").replace(' ', '-');
		var item = api.post("/api/items", Map.of("sku", sku, "name", "Audited gin", "price", "21.00"));
		assertThat(item.status()).as(item.toString()).isEqualTo(201);
		long itemId = item.json().path("id").asLong();
		var edited = api.put("/api/items/" + itemId, Map.of("sku", sku, "name", "Audited gin", "price", "23.50"),
				"If-Match", "\"0\"");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		long customerId = audit.customer(Map.of("name", AuditClient.unique("Buyer"))).path("id").asLong();
		var sale = api.post("/api/sales-orders", Map.of("customerId", customerId, "payment", "CASH", "lines",
				List.of(Map.of("itemId", itemId, "quantity", 2))));
		assertThat(sale.status()).as(sale.toString()).isEqualTo(201);

		List<JsonNode> itemHistory = audit.history("items", itemId);
		assertThat(itemHistory).extracting(entry -> entry.path("action").asString())
			.containsExactly("item.create", "item.update");
		assertThat(itemHistory.get(1).path("changes").path("price").path("from").asString()).isEqualTo("21.00");
		assertThat(itemHistory.get(1).path("changes").path("price").path("to").asString()).isEqualTo("23.50");
		List<JsonNode> saleEntries = audit
			.all("/api/audit?recordKind=sales-order&recordId=" + sale.json().path("id").asLong());
		assertThat(saleEntries).hasSize(1);
		JsonNode facts = saleEntries.get(0).path("changes");
		assertThat(saleEntries.get(0).path("action").asString()).isEqualTo("sales-order.create");
		assertThat(facts.path("number").asString()).isEqualTo(sale.json().path("number").asString());
		assertThat(facts.path("customerId").asLong()).isEqualTo(customerId);
		assertThat(facts.path("total").asString()).isEqualTo("47.00");
	}

	private static long id(JsonNode entry) {
		return entry.path("id").asLong();
	}

}
