package org.backroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.draft;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.moved;
import static org.backroom.purchasing.PurchasingRecords.read;
import static org.backroom.purchasing.PurchasingRecords.stockOf;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.transition;
import static org.backroom.purchasing.PurchasingRecords.unique;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Inactive suppliers and items get no new purchase orders, and a draft naming them cannot be ordered; goods already
 * ordered are received all the same, and the order says so.
 */
@BackroomTest
class InactiveRecordsOnPurchaseOrdersTests extends ApiTest {

	@Test
	void refusesANewOrderFromADeactivatedSupplier() {
		JsonNode supplier = supplier(api, unique("Gone supplier"));
		long item = item(api, unique("Fine item"), true).path("id").asLong();
		transition(api, "/api/suppliers/" + supplier.path("id").asLong(), "deactivate");

		var refused = draft(api, supplier.path("id").asLong(), line(item, 1, "1.00"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-inactive");
		assertThat(refused.json().path("recordKind").asString()).isEqualTo("supplier");
		assertThat(refused.json().path("recordId").asLong()).isEqualTo(supplier.path("id").asLong());
		assertThat(refused.json().path("detail").asString()).contains(supplier.path("name").asString());
	}

	@Test
	void refusesANewOrderForADeactivatedOrDeletedItem() {
		long supplierId = supplier(api, unique("Fine supplier")).path("id").asLong();
		JsonNode discontinued = item(api, unique("Discontinued"), true);
		JsonNode binned = item(api, unique("Binned"), false);
		transition(api, "/api/items/" + discontinued.path("id").asLong(), "deactivate");
		assertThat(api.delete("/api/items/" + binned.path("id").asLong() + "?reason=test").status()).isEqualTo(200);

		var refused = draft(api, supplierId, line(discontinued.path("id").asLong(), 1, "1.00"),
				line(binned.path("id").asLong(), 1, "1.00"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-inactive");
		JsonNode named = refused.json().path("inactiveRecords");
		assertThat(named.size()).isEqualTo(2);
		assertThat(named.get(0).path("status").asString()).isEqualTo("INACTIVE");
		assertThat(named.get(1).path("status").asString()).isEqualTo("DELETED");
		assertThat(refused.json().path("detail").asString()).contains("inactive", "in the trash");
	}

	@Test
	void refusesToOrderADraftWhoseSupplierAndItemsWereDeactivatedSinceNamingEachOfThem() {
		JsonNode supplier = supplier(api, unique("Closing supplier"));
		JsonNode kept = item(api, unique("Kept item"), true);
		JsonNode first = item(api, unique("First dropped"), true);
		JsonNode second = item(api, unique("Second dropped"), false);
		long draft = drafted(api, supplier.path("id").asLong(), line(kept.path("id").asLong(), 1, "1.00"),
				line(first.path("id").asLong(), 1, "1.00"), line(second.path("id").asLong(), 1, "1.00")).path("id").asLong();
		transition(api, "/api/suppliers/" + supplier.path("id").asLong(), "deactivate");
		transition(api, "/api/items/" + first.path("id").asLong(), "deactivate");
		transition(api, "/api/items/" + second.path("id").asLong(), "deactivate");

		var refused = api.post("/api/purchase-orders/" + draft + "/order", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-inactive");
		JsonNode named = refused.json().path("inactiveRecords");
		assertThat(named.values().stream().map(record -> record.path("recordKind").asString() + " "
				+ record.path("recordId").asLong()))
			.containsExactly("supplier " + supplier.path("id").asLong(), "item " + first.path("id").asLong(),
					"item " + second.path("id").asLong());
		assertThat(refused.json().path("detail").asString()).contains(supplier.path("name").asString(),
				first.path("name").asString(), second.path("name").asString())
			.doesNotContain(kept.path("name").asString());
		assertThat(read(api, "/api/purchase-orders/" + draft).path("status").asString()).isEqualTo("DRAFT");

		transition(api, "/api/suppliers/" + supplier.path("id").asLong(), "reactivate");
		transition(api, "/api/items/" + first.path("id").asLong(), "reactivate");
		transition(api, "/api/items/" + second.path("id").asLong(), "reactivate");
		assertThat(moved(api, draft, "order").path("status").asString()).isEqualTo("ORDERED");
	}

	@Test
	void receivesGoodsOrderedBeforeTheirItemAndSupplierWereDeactivatedAndSaysSo() {
		JsonNode supplier = supplier(api, unique("Late supplier"));
		JsonNode active = item(api, unique("Still sold"), true);
		JsonNode dropped = item(api, unique("Dropped since"), true);
		long order = drafted(api, supplier.path("id").asLong(), line(active.path("id").asLong(), 4, "1.00"),
				line(dropped.path("id").asLong(), 6, "1.00")).path("id").asLong();
		moved(api, order, "order");
		transition(api, "/api/items/" + dropped.path("id").asLong(), "deactivate");
		transition(api, "/api/suppliers/" + supplier.path("id").asLong(), "deactivate");

		JsonNode received = moved(api, order, "receive");
		assertThat(received.path("status").asString()).isEqualTo("RECEIVED");
		assertThat(stockOf(api, active.path("id").asLong())).isEqualTo(4);
		assertThat(stockOf(api, dropped.path("id").asLong())).as("the goods arrived anyway").isEqualTo(6);
		JsonNode warnings = received.path("warnings");
		assertThat(warnings.size()).isEqualTo(2);
		assertThat(warnings.get(0).asString()).contains(supplier.path("name").asString(), "inactive");
		assertThat(warnings.get(1).asString()).contains(dropped.path("name").asString(), "inactive", "6 were added");
		assertThat(read(api, "/api/purchase-orders/" + order).path("warnings")).as("kept with the order")
			.isEqualTo(warnings);
		assertThat(read(api, "/api/items/" + dropped.path("id").asLong()).path("status").asString())
			.as("receiving does not reactivate it")
			.isEqualTo("INACTIVE");

		JsonNode audited = read(api, "/api/audit?recordKind=purchase-order&recordId=" + order
				+ "&action=purchase-order.receive").path("items");
		assertThat(audited.size()).as("the audit trail says it too").isEqualTo(1);
		JsonNode changes = audited.get(0).path("changes");
		assertThat(changes.path("warnings")).isEqualTo(warnings);
		assertThat(changes.path("received").path(dropped.path("id").asString()).asInt()).isEqualTo(6);
		assertThat(changes.path("status").path("from").asString()).isEqualTo("ORDERED");
		assertThat(changes.path("status").path("to").asString()).isEqualTo("RECEIVED");
	}

}
