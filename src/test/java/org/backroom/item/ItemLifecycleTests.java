package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.draft;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.read;
import static org.backroom.purchasing.PurchasingRecords.stock;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.transition;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Items live the same life as customers, and whatever was ever ordered keeps its item. */
@BackroomTest
class ItemLifecycleTests extends ApiTest {

	@Test
	void deactivatesReactivatesDeletesRestoresAndPurgesAnItemNeverOrdered() {
		JsonNode item = item(api, unique("Short-lived item"), true);
		String path = "/api/items/" + item.path("id").asLong();

		assertThat(transition(api, path, "deactivate").path("status").asString()).isEqualTo("INACTIVE");
		assertThat(transition(api, path, "reactivate").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(api.delete(path + "?reason=Never%20stocked").json().path("outcome").asString()).isEqualTo("DELETED");
		assertThat(read(api, "/api/items?status=deleted&q=" + item.path("sku").asString()).path("items").size()).isEqualTo(1);
		assertThat(transition(api, path, "restore").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(api.delete(path + "?reason=Never%20stocked").status()).isEqualTo(200);
		assertThat(api.post(path + "/purge", Map.of("reason", "Gone")).status()).isEqualTo(200);
		assertThat(api.get(path).status()).isEqualTo(404);

		var again = api.post("/api/items", Map.of("sku", item.path("sku").asString(), "name", "Same SKU, new item",
				"price", "1.00"));
		assertThat(again.status()).as("a purged item's SKU is free again").isEqualTo(201);
	}

	@Test
	void refusesToDeleteAnItemOnAPurchaseOrderOrASaleNamingBoth() {
		long supplierId = supplier(api, unique("Item supplier")).path("id").asLong();
		JsonNode onOrder = item(api, unique("On order"), true);
		drafted(api, supplierId, line(onOrder.path("id").asLong(), 5, "1.00"), line(onOrder.path("id").asLong(), 1, "1.00"));

		var refused = api.delete("/api/items/" + onOrder.path("id").asLong() + "?reason=Tidy");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-referenced");
		assertThat(refused.json().path("dependents").path("purchaseOrderLines").asLong()).isEqualTo(2);
		assertThat(refused.json().path("dependents").has("salesOrderLines")).as("only kinds that exist").isFalse();

		stock(api, onOrder.path("id").asLong(), 3);
		var sold = api.post("/api/sales-orders", Map.of("payment", "CASH",
				"lines", List.of(Map.of("itemId", onOrder.path("id").asLong(), "quantity", 1))));
		assertThat(sold.status()).as("%s", sold).isEqualTo(201);

		var both = api.delete("/api/items/" + onOrder.path("id").asLong() + "?reason=Tidy");
		assertThat(both.status()).isEqualTo(409);
		assertThat(both.json().path("dependents").path("salesOrderLines").asLong()).isEqualTo(1);
		assertThat(both.json().path("dependents").path("purchaseOrderLines").asLong()).isEqualTo(3);
		assertThat(both.json().path("detail").asString()).contains("1 sales order line", "3 purchase order lines");
		JsonNode impact = read(api, "/api/items/" + onOrder.path("id").asLong() + "/impact");
		assertThat(impact.path("dependents").path("salesOrderLines").asLong()).isEqualTo(1);
		assertThat(impact.path("dependents").path("purchaseOrderLines").asLong()).isEqualTo(3);
		assertThat(impact.path("actions").path("delete").path("allowed").asBoolean()).isFalse();

		transition(api, "/api/items/" + onOrder.path("id").asLong(), "deactivate");
		assertThat(api.delete("/api/items/" + onOrder.path("id").asLong() + "?reason=Tidy").status())
			.as("inactive, still referenced").isEqualTo(409);
	}

	@Test
	void refusesADeactivatedItemOnANewSaleOrPurchaseOrderAndHidesItFromThePicker() {
		long supplierId = supplier(api, unique("Picker supplier")).path("id").asLong();
		JsonNode item = item(api, unique("Picked"), true);
		long id = item.path("id").asLong();
		stock(api, id, 2);
		assertThat(lookupIds(item.path("sku").asString())).containsExactly(id);

		transition(api, "/api/items/" + id, "deactivate");
		assertThat(lookupIds(item.path("sku").asString())).isEmpty();
		assertThat(lookupIds(item.path("barcode").asString())).as("not even by its barcode").isEmpty();

		var sale = api.post("/api/sales-orders", Map.of("payment", "CASH", "lines", List.of(Map.of("itemId", id, "quantity", 1))));
		assertThat(sale.status()).isEqualTo(409);
		assertThat(sale.problemType()).isEqualTo("record-inactive");
		assertThat(sale.json().path("recordId").asLong()).isEqualTo(id);
		var purchase = draft(api, supplierId, line(id, 1, "1.00"));
		assertThat(purchase.status()).isEqualTo(409);
		assertThat(purchase.problemType()).isEqualTo("record-inactive");
		assertThat(purchase.json().path("recordKind").asString()).isEqualTo("item");
		assertThat(read(api, "/api/items/" + id).path("stockOnHand").asInt()).as("nothing was taken").isEqualTo(2);
	}

	@Test
	void keepsPastOrderLinesAsTheyWereWhenTheItemChangesOrIsDeactivated() {
		long supplierId = supplier(api, unique("History supplier")).path("id").asLong();
		JsonNode item = item(api, unique("Old name"), true);
		long id = item.path("id").asLong();
		long order = drafted(api, supplierId, line(id, 4, "2.50")).path("id").asLong();
		var renamed = api.put("/api/items/" + id, Map.of("sku", "NEW-" + item.path("sku").asString(), "name", "New name",
				"price", "9.99", "trackStock", true), "If-Match", "\"0\"");
		assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
		transition(api, "/api/items/" + id, "deactivate");

		JsonNode line = read(api, "/api/purchase-orders/" + order).path("lines").get(0);
		assertThat(line.path("itemId").asLong()).isEqualTo(id);
		assertThat(line.path("sku").asString()).isEqualTo(item.path("sku").asString());
		assertThat(line.path("name").asString()).isEqualTo(item.path("name").asString());
		assertThat(line.path("unitCost").asString()).isEqualTo("2.50");
		assertThat(read(api, "/api/items/" + id).path("status").asString()).as("still readable, marked inactive")
			.isEqualTo("INACTIVE");
	}

	private List<Long> lookupIds(String q) {
		return read(api, "/api/items/lookup?q=" + Api.encode(q)).values().stream().map(found -> found.path("id").asLong())
			.toList();
	}

}
