package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit entry is written in the transaction of the change it records: a refused change leaves none, and every
 * committed change has exactly one.
 */
@BackroomTest
class AuditRollbackTests extends ApiTest {

	private AuditClient audit;

	@BeforeEach
	void client() {
		audit = new AuditClient(api);
	}

	@Test
	void aCreditSaleOverTheLimitLeavesNoEntry() {
		long customer = audit.customer(Map.of("name", AuditClient.unique("Tight credit"), "creditAllowed", true,
				"creditLimit", "10.00")).path("id").asLong();
		long item = item("9.00");
		long mark = audit.newestId();

		// The sale locks the customer and the items, takes stock, and is refused only at the credit check.
		var refused = send("POST", "/api/sales-orders", Map.of("customerId", customer, "payment", "CREDIT", "lines",
				List.of(Map.of("itemId", item, "quantity", 2))), "refused-sale");

		assertThat(refused.response().status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.response().problemType()).isEqualTo("credit-refused");
		assertThat(audit.ofRequest(mark, refused.requestId())).isEmpty();
		assertThat(audit.since(mark)).noneMatch(entry -> entry.path("action").asString().equals("sales-order.create"));
	}

	@Test
	void aRefusedDeleteOfAReferencedCustomerLeavesNoEntry() {
		long customer = audit.customer(Map.of("name", AuditClient.unique("Regular"))).path("id").asLong();
		var sale = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(Map.of("itemId", item("3.00"), "quantity", 1))));
		assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
		long mark = audit.newestId();

		var refused = send("DELETE", "/api/customers/" + customer + "?reason=cleanup", null, "refused-delete");

		assertThat(refused.response().status()).as(refused.toString()).isEqualTo(409);
		assertThat(audit.ofRequest(mark, refused.requestId())).isEmpty();
		assertThat(audit.history("customers", customer)).extracting(entry -> entry.path("action").asString())
			.containsExactly("customer.create");
	}

	@Test
	void everyCommittedChangeHasExactlyOneEntry() {
		long mark = audit.newestId();
		Sent created = send("POST", "/api/customers", Map.of("name", AuditClient.unique("Counted")), "create");
		long customer = created.response().json().path("id").asLong();
		Sent edited = send("PUT", "/api/customers/" + customer, Map.of("name", AuditClient.unique("Counted")),
				"edit", "If-Match", "\"0\"");
		Sent deactivated = send("POST", "/api/customers/" + customer + "/deactivate", Map.of("reason", "test"),
				"deactivate");
		Sent deleted = send("DELETE", "/api/customers/" + customer + "?reason=gone", null, "delete");
		Sent restored = send("POST", "/api/customers/" + customer + "/restore", Map.of("reason", "back"), "restore");
		Sent sold = send("POST", "/api/sales-orders", Map.of("customerId", customer, "payment", "CARD", "lines",
				List.of(Map.of("itemId", item("5.00"), "quantity", 1))), "sale");

		assertOneEntry(mark, created, "customer.create", customer);
		assertOneEntry(mark, edited, "customer.update", customer);
		assertOneEntry(mark, deactivated, "customer.deactivate", customer);
		assertOneEntry(mark, deleted, "customer.delete", customer);
		assertOneEntry(mark, restored, "customer.restore", customer);
		assertOneEntry(mark, sold, "sales-order.create", sold.response().json().path("id").asLong());
	}

	private void assertOneEntry(long mark, Sent request, String action, long recordId) {
		assertThat(request.response().status()).as(request.toString()).isBetween(200, 201);
		List<JsonNode> entries = audit.ofRequest(mark, request.requestId());
		assertThat(entries).as("entries of %s", request.requestId()).hasSize(1);
		assertThat(entries.get(0).path("action").asString()).isEqualTo(action);
		assertThat(entries.get(0).path("recordId").asLong()).isEqualTo(recordId);
	}

	private long item(String price) {
		var item = api.post("/api/items",
				Map.of("sku", AuditClient.unique("RB").replace(' ', '-'), "name", "Rollback item", "price", price));
		assertThat(item.status()).as(item.toString()).isEqualTo(201);
		return item.json().path("id").asLong();
	}

	/** A request tagged with its own {@code X-Request-Id}, so that its entries can be told from all others. */
	private Sent send(String method, String path, Object body, String what, String... headers) {
		String requestId = AuditClient.unique(what).replace(' ', '-');
		String[] all = new String[headers.length + 2];
		all[0] = "X-Request-Id";
		all[1] = requestId;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return new Sent(requestId, api.send(method, path, body, all));
	}

	private record Sent(String requestId, Api.Response response) {
	}

}
