package org.backroom.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.moved;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.transition;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Suppliers live the same life as customers and items, from the same lifecycle code. */
@BackroomTest
class SupplierLifecycleTests extends ApiTest {

	@Test
	void deactivatesReactivatesDeletesRestoresAndPurgesASupplierWithoutOrders() {
		JsonNode supplier = supplier(api, unique("Short-lived"));
		String path = "/api/suppliers/" + supplier.path("id").asLong();

		JsonNode inactive = transition(api, path, "deactivate");
		assertThat(inactive.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(inactive.path("statusReason").asString()).isEqualTo("Test: deactivate");
		assertThat(inactive.path("statusChangedAt").isNull()).isFalse();
		assertThat(transition(api, path, "reactivate").path("status").asString()).isEqualTo("ACTIVE");

		var deleted = api.delete(path + "?reason=Never%20used");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().path("outcome").asString()).isEqualTo("DELETED");
		assertThat(api.get(path).json().path("status").asString()).as("readable until purged").isEqualTo("DELETED");
		assertThat(transition(api, path, "restore").path("status").asString()).isEqualTo("ACTIVE");

		assertThat(api.delete(path + "?reason=Never%20used").status()).isEqualTo(200);
		var purged = api.post(path + "/purge", Map.of("reason", "Cleaning up"));
		assertThat(purged.status()).isEqualTo(200);
		assertThat(purged.json().path("outcome").asString()).isEqualTo("PURGED");
		assertThat(api.get(path).status()).isEqualTo(404);
	}

	@Test
	void refusesToDeleteASupplierThatHasAPurchaseOrder() {
		JsonNode supplier = supplier(api, unique("Referenced"));
		long item = item(api, unique("Ordered item"), true).path("id").asLong();
		drafted(api, supplier.path("id").asLong(), line(item, 1, "2.00"));
		drafted(api, supplier.path("id").asLong(), line(item, 2, "2.00"));
		String path = "/api/suppliers/" + supplier.path("id").asLong();

		var refused = api.delete(path + "?reason=Tidy");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("record-referenced");
		// The refusal names what points to the supplier; the impact preview counts every kind, the empty ones too.
		JsonNode impact = api.get(path + "/impact").json().path("dependents");
		assertThat(impact.path("mergedSuppliers").asLong()).isZero();
		assertThat(refused.json().path("dependents").propertyNames()).containsExactly("purchaseOrders");
		assertThat(refused.json().path("dependents").path("purchaseOrders")).isEqualTo(impact.path("purchaseOrders"));
		assertThat(refused.json().path("dependents").path("purchaseOrders").asLong()).isEqualTo(2);
		assertThat(refused.json().path("detail").asString()).contains("2 purchase orders", "Deactivate it instead");
		assertThat(api.get(path).json().path("status").asString()).isEqualTo("ACTIVE");

		transition(api, path, "deactivate");
		var stillRefused = api.delete(path + "?reason=Tidy");
		assertThat(stillRefused.status()).isEqualTo(409);
		assertThat(stillRefused.problemType()).isEqualTo("record-referenced");
	}

	@Test
	void previewsTheImpactWithDependentsAndOpenOrders() {
		JsonNode supplier = supplier(api, unique("Previewed"));
		String path = "/api/suppliers/" + supplier.path("id").asLong();
		JsonNode fresh = api.get(path + "/impact").json();
		assertThat(fresh.path("recordKind").asString()).isEqualTo("supplier");
		assertThat(fresh.path("dependents").path("purchaseOrders").asLong()).isZero();
		assertThat(fresh.path("openPurchaseOrders").asLong()).isZero();
		assertThat(fresh.path("actions").path("delete").path("allowed").asBoolean()).isTrue();
		assertThat(fresh.path("actions").path("reactivate").path("allowed").asBoolean()).isFalse();

		long item = item(api, unique("Previewed item"), true).path("id").asLong();
		long open = drafted(api, supplier.path("id").asLong(), line(item, 1, "1.00")).path("id").asLong();
		long done = drafted(api, supplier.path("id").asLong(), line(item, 1, "1.00")).path("id").asLong();
		moved(api, done, "cancel");
		JsonNode impact = api.get(path + "/impact").json();
		assertThat(impact.path("dependents").path("purchaseOrders").asLong()).isEqualTo(2);
		assertThat(impact.path("openPurchaseOrders").asLong()).as("the draft, not the cancelled one").isEqualTo(1);
		assertThat(impact.path("actions").path("delete").path("allowed").asBoolean()).isFalse();
		assertThat(impact.path("actions").path("delete").path("reason").asString()).contains("2 purchase orders");
		assertThat(impact.path("actions").path("deactivate").path("allowed").asBoolean()).isTrue();
		assertThat(impact.path("actions").path("deactivate").path("warnings").get(0).asString())
			.contains("1 purchase order is still open");
		assertThat(open).isPositive();
	}

	@Test
	void hidesADeactivatedSupplierFromThePickerAndKeepsItsOrdersAsTheyWere() {
		String name = unique("Hidden");
		JsonNode supplier = supplier(api, name);
		long item = item(api, unique("Hidden item"), true).path("id").asLong();
		long order = drafted(api, supplier.path("id").asLong(), line(item, 3, "1.50")).path("id").asLong();
		String path = "/api/suppliers/" + supplier.path("id").asLong();
		assertThat(api.get("/api/suppliers/lookup?q=" + name.replace(" ", "%20")).json().size()).isEqualTo(1);

		transition(api, path, "deactivate");
		assertThat(api.get("/api/suppliers/lookup?q=" + name.replace(" ", "%20")).json().size()).isZero();
		JsonNode kept = api.get("/api/purchase-orders/" + order).json();
		assertThat(kept.path("supplierName").asString()).isEqualTo(name);
		assertThat(kept.path("total").asString()).isEqualTo("4.50");
		assertThat(api.get("/api/purchase-orders?supplierId=" + supplier.path("id").asLong()).json().path("items").size())
			.isEqualTo(1);
	}

	@Test
	void asksWhyASupplierChangesState() {
		String path = "/api/suppliers/" + supplier(api, unique("Reasoned")).path("id").asLong();
		var noReason = api.post(path + "/deactivate", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.problemType()).isEqualTo("validation");
		var noDeleteReason = api.delete(path);
		assertThat(noDeleteReason.status()).isEqualTo(422);
		var notInTrash = api.post(path + "/restore", Map.of("reason", "Oops"));
		assertThat(notInTrash.status()).isEqualTo(409);
		assertThat(notInTrash.problemType()).isEqualTo("invalid-transition");
	}

}
