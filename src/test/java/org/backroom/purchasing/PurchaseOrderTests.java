package org.backroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.draft;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.read;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drafting purchase orders: what a draft keeps, and the input it refuses. */
@BackroomTest
class PurchaseOrderTests extends ApiTest {

	@Test
	void draftsAnOrderWithSnapshotsOfTheSupplierAndItems() {
		JsonNode supplier = supplier(api, unique("Green Farm"));
		JsonNode beans = item(api, unique("Coffee beans"), true);
		JsonNode cups = item(api, unique("Paper cups"), false);
		var created = draft(api, supplier.path("id").asLong(), line(beans.path("id").asLong(), 12, "7.25"),
				line(cups.path("id").asLong(), 3, "0.4"));

		assertThat(created.status()).isEqualTo(201);
		JsonNode order = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/purchase-orders/" + order.path("id").asLong());
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(order.path("number").asString()).matches("PO\\d{7}");
		assertThat(order.path("status").asString()).isEqualTo("DRAFT");
		assertThat(order.path("supplierId").asLong()).isEqualTo(supplier.path("id").asLong());
		assertThat(order.path("supplierName").asString()).isEqualTo(supplier.path("name").asString());
		assertThat(order.path("total").asString()).isEqualTo("88.20");
		assertThat(order.path("createdBy").asString()).isNotBlank();
		JsonNode first = order.path("lines").get(0);
		assertThat(first.path("sku").asString()).isEqualTo(beans.path("sku").asString());
		assertThat(first.path("name").asString()).isEqualTo(beans.path("name").asString());
		assertThat(first.path("unitCost").asString()).isEqualTo("7.25");
		assertThat(first.path("lineTotal").asString()).isEqualTo("87.00");
		assertThat(order.path("lines").get(1).path("unitCost").asString()).isEqualTo("0.40");
		assertThat(read(api, "/api/purchase-orders/" + order.path("id").asLong())).isEqualTo(order);
	}

	@Test
	void takesTheItemsCostWhenALineNamesNone() {
		JsonNode supplier = supplier(api, unique("Cost supplier"));
		JsonNode item = item(api, unique("Costed item"), true);
		JsonNode order = drafted(api, supplier.path("id").asLong(),
				Map.of("itemId", item.path("id").asLong(), "quantity", 2));
		assertThat(order.path("lines").get(0).path("unitCost").asString()).isEqualTo("3.00");
		assertThat(order.path("total").asString()).isEqualTo("6.00");
	}

	@Test
	void refusesAnOrderThatIsMissingSomething() {
		JsonNode supplier = supplier(api, unique("Strict supplier"));
		long itemId = item(api, unique("Strict item"), true).path("id").asLong();
		long supplierId = supplier.path("id").asLong();

		assertRefused(Map.of("lines", List.of(line(itemId, 1, "1.00"))), "supplierId");
		assertRefused(Map.of("supplierId", supplierId, "lines", List.of()), "lines");
		assertRefused(Map.of("supplierId", supplierId, "lines", List.of(line(itemId, 0, "1.00"))), "lines[0].quantity");
		assertRefused(Map.of("supplierId", supplierId, "lines", List.of(line(itemId, 1, "-1.00"))), "lines[0].unitCost");
		assertRefused(Map.of("supplierId", supplierId, "lines", List.of(line(itemId, 1, "1.005"))), "lines[0].unitCost");
		assertRefused(Map.of("supplierId", supplierId, "lines", List.of(line(itemId, 1, "1.00"), line(999_999_999L, 1, "1.00"))),
				"lines[1].itemId");
		assertRefused(Map.of("supplierId", 999_999_999L, "lines", List.of(line(itemId, 1, "1.00"))), "supplierId");
		assertRefused(Map.of("supplierId", "twelve", "lines", List.of(line(itemId, 1, "1.00"))), "supplierId");
		assertRefused(Map.of("supplierId", supplierId, "lines", List.of(line(itemId, 1_000_000, "9999999999.99"))),
				"lines[0]");
	}

	@Test
	void answersProblemsForMalformedRequestsAndUnknownOrders() {
		var malformed = api.raw("POST", "/api/purchase-orders", "{\"supplierId\": ", "application/json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
		assertThat(malformed.problemType()).isEqualTo("malformed-request");

		for (String path : List.of("/api/purchase-orders/999999999", "/api/purchase-orders/999999999/order",
				"/api/purchase-orders/999999999/receive", "/api/purchase-orders/999999999/cancel")) {
			var missing = path.endsWith("999") ? api.get(path) : api.post(path, null);
			assertThat(missing.status()).as(path).isEqualTo(404);
			assertThat(missing.problemType()).as(path).isEqualTo("not-found");
		}
		// An id that is not a number names no order, like an unknown number.
		var notANumber = api.get("/api/purchase-orders/abc");
		assertThat(notANumber.status()).isEqualTo(404);
		assertThat(notANumber.problemType()).isEqualTo("not-found");
		assertThat(notANumber.header("Content-Type")).startsWith("application/problem+json");
	}

	private void assertRefused(Map<String, Object> order, String field) {
		var refused = api.post("/api/purchase-orders", order);
		assertThat(refused.status()).as("%s: %s", order, refused).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("validation");
		assertThat(refused.json().path("errors").values().stream().map(error -> error.path("field").asString()))
			.as("%s", refused)
			.contains(field);
	}

}
