package org.backroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.ids;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.moved;
import static org.backroom.purchasing.PurchasingRecords.read;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The purchase order list: newest first, by supplier and status, page by page. */
@BackroomTest
class PurchaseOrderListTests extends ApiTest {

	@Test
	void listsOneSuppliersOrdersNewestFirstPageByPage() {
		long supplier = supplier(api, unique("Listed")).path("id").asLong();
		long item = item(api, unique("Listed item"), true).path("id").asLong();
		List<Long> created = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			created.add(drafted(api, supplier, line(item, i, "1.00")).path("id").asLong());
		}
		List<Long> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);

		JsonNode first = read(api, "/api/purchase-orders?supplierId=" + supplier + "&limit=2");
		assertThat(ids(first.path("items"))).containsExactly(newestFirst.get(0), newestFirst.get(1));
		assertThat(first.path("items").get(0).path("lines").size()).isEqualTo(1);
		List<Long> all = new ArrayList<>(ids(first.path("items")));
		assertThat(first.path("nextCursor").isNull()).isFalse();
		String cursor = first.path("nextCursor").asString();
		while (cursor != null) {
			JsonNode page = read(api, "/api/purchase-orders?supplierId=" + supplier + "&limit=2&cursor=" + Api.encode(cursor));
			all.addAll(ids(page.path("items")));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
		}
		assertThat(all).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void filtersByStatus() {
		long supplier = supplier(api, unique("Filtered")).path("id").asLong();
		long item = item(api, unique("Filtered item"), true).path("id").asLong();
		long draft = drafted(api, supplier, line(item, 1, "1.00")).path("id").asLong();
		long ordered = drafted(api, supplier, line(item, 1, "1.00")).path("id").asLong();
		moved(api, ordered, "order");
		long received = drafted(api, supplier, line(item, 1, "1.00")).path("id").asLong();
		moved(api, received, "order");
		moved(api, received, "receive");
		long cancelled = drafted(api, supplier, line(item, 1, "1.00")).path("id").asLong();
		moved(api, cancelled, "cancel");

		String mine = "/api/purchase-orders?supplierId=" + supplier;
		assertThat(ids(read(api, mine).path("items"))).containsExactly(cancelled, received, ordered, draft);
		assertThat(ids(read(api, mine + "&status=draft").path("items"))).containsExactly(draft);
		assertThat(ids(read(api, mine + "&status=ORDERED").path("items"))).containsExactly(ordered);
		assertThat(ids(read(api, mine + "&status=received").path("items"))).containsExactly(received);
		assertThat(ids(read(api, mine + "&status=cancelled").path("items"))).containsExactly(cancelled);
		assertThat(ids(read(api, "/api/purchase-orders?status=received&limit=100").path("items"))).contains(received)
			.doesNotContain(draft, ordered, cancelled);
	}

	@Test
	void refusesAnUnknownStatusLimitOrCursor() {
		for (String query : List.of("status=shipped", "limit=0", "limit=500", "cursor=%21%21", "supplierId=abc")) {
			var refused = api.get("/api/purchase-orders?" + query);
			assertThat(refused.status()).as(query).isEqualTo(422);
			assertThat(refused.header("Content-Type")).as(query).startsWith("application/problem+json");
			assertThat(refused.problemType()).as(query).isEqualTo("validation");
		}
	}

}
