package org.backroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.moved;
import static org.backroom.purchasing.PurchasingRecords.stockOf;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A purchase order goes DRAFT → ORDERED → RECEIVED, or to CANCELLED; receiving puts the goods on the shelf. */
@BackroomTest
class PurchaseOrderMoveTests extends ApiTest {

	@Test
	void receivingAnOrderedOrderAddsItsQuantitiesToTrackedStock() {
		long supplierId = supplier(api, unique("Mill")).path("id").asLong();
		long flour = item(api, unique("Flour"), true).path("id").asLong();
		long bags = item(api, unique("Bags"), false).path("id").asLong();
		JsonNode draft = drafted(api, supplierId, line(flour, 10, "1.10"), line(bags, 50, "0.05"), line(flour, 5, "1.00"));
		long id = draft.path("id").asLong();

		JsonNode ordered = moved(api, id, "order");
		assertThat(ordered.path("status").asString()).isEqualTo("ORDERED");
		assertThat(ordered.path("orderedAt").isNull()).isFalse();
		assertThat(stockOf(api, flour)).as("ordering puts nothing on the shelf").isZero();

		JsonNode received = moved(api, id, "receive");
		assertThat(received.path("status").asString()).isEqualTo("RECEIVED");
		assertThat(received.path("receivedAt").isNull()).isFalse();
		assertThat(received.path("warnings").isEmpty()).isTrue();
		assertThat(received.path("version").asLong()).isEqualTo(2);
		assertThat(stockOf(api, flour)).as("both flour lines").isEqualTo(15);
		assertThat(stockOf(api, bags)).as("bags do not track stock").isZero();
	}

	@Test
	void cancelsADraftOrAnOrderedOrderAndKeepsTheReason() {
		long supplierId = supplier(api, unique("Fickle")).path("id").asLong();
		long item = item(api, unique("Fickle item"), true).path("id").asLong();
		long draft = drafted(api, supplierId, line(item, 1, "1.00")).path("id").asLong();
		var cancelled = api.post("/api/purchase-orders/" + draft + "/cancel", Map.of("reason", "Ordered elsewhere"));
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("cancelReason").asString()).isEqualTo("Ordered elsewhere");
		assertThat(cancelled.json().path("orderedAt").isNull()).isTrue();
		JsonNode audited = api.get("/api/audit?recordKind=purchase-order&recordId=" + draft).json().path("items");
		assertThat(audited.values().stream().map(entry -> entry.path("action").asString()))
			.containsExactlyInAnyOrder("purchase-order.create", "purchase-order.cancel");
		assertThat(audited.values().stream().map(entry -> entry.path("reason").asString())).contains("Ordered elsewhere");
		long wordy = drafted(api, supplierId, line(item, 1, "1.00")).path("id").asLong();
		var tooLong = api.post("/api/purchase-orders/" + wordy + "/cancel", Map.of("reason", "x".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.problemType()).isEqualTo("validation");
		assertThat(api.get("/api/purchase-orders/" + wordy).json().path("status").asString()).isEqualTo("DRAFT");

		long ordered = drafted(api, supplierId, line(item, 4, "1.00")).path("id").asLong();
		moved(api, ordered, "order");
		JsonNode gone = moved(api, ordered, "cancel");
		assertThat(gone.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(gone.path("orderedAt").isNull()).isFalse();
		assertThat(stockOf(api, item)).isZero();
	}

	@Test
	void refusesEveryMoveThatDoesNotStartFromTheOrdersStatus() {
		long supplierId = supplier(api, unique("Strict")).path("id").asLong();
		long item = item(api, unique("Strict item"), true).path("id").asLong();
		long draft = drafted(api, supplierId, line(item, 1, "1.00")).path("id").asLong();
		assertInvalid(draft, "receive", "DRAFT", "order it first");

		long received = drafted(api, supplierId, line(item, 2, "1.00")).path("id").asLong();
		moved(api, received, "order");
		assertInvalid(received, "order", "ORDERED", "only a draft can be ordered");
		moved(api, received, "receive");
		assertInvalid(received, "receive", "RECEIVED", "only an ordered purchase order can be received");
		assertInvalid(received, "cancel", "RECEIVED", "only a draft or an ordered purchase order can be cancelled");
		assertThat(stockOf(api, item)).as("received once, counted once").isEqualTo(2);

		long cancelled = drafted(api, supplierId, line(item, 1, "1.00")).path("id").asLong();
		moved(api, cancelled, "cancel");
		assertInvalid(cancelled, "order", "CANCELLED", "only a draft can be ordered");
		assertInvalid(cancelled, "receive", "CANCELLED", "only an ordered purchase order can be received");
		assertInvalid(cancelled, "cancel", "CANCELLED", "only a draft or an ordered purchase order can be cancelled");
	}

	private void assertInvalid(long orderId, String move, String status, String why) {
		Api.Response refused = api.post("/api/purchase-orders/" + orderId + "/" + move, null);
		assertThat(refused.status()).as("%s from %s: %s", move, status, refused).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("invalid-transition");
		assertThat(refused.json().path("status").asString()).isEqualTo(status);
		assertThat(refused.json().path("detail").asString()).contains(status.toLowerCase(java.util.Locale.ROOT), why);
		assertThat(api.get("/api/purchase-orders/" + orderId).json().path("status").asString())
			.as("a refused move changes nothing")
			.isEqualTo(status);
	}

}
