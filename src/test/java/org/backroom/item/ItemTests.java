package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.allPages;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.ids;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.received;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.trackedItem;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 2, point 2: a minimal item list, and the rule that an inactive item cannot be sold. */
@BackroomTest
class ItemTests extends ApiTest {

	@Test
	void keepsANewItemAndListsIt() {
		String sku = "TEA-" + uniqueWord();
		var created = api.post("/api/items", Map.of("sku", sku, "name", "Earl Grey, loose", "price", "6.40"));

		assertThat(created.status()).as("%s", created).isEqualTo(201);
		JsonNode item = created.json();
		long id = item.path("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/items/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"" + item.path("version").asLong() + "\"");
		assertThat(item.path("sku").asString()).isEqualTo(sku);
		assertThat(item.path("price").asString()).isEqualTo("6.40");
		assertThat(item.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(read(api, "/api/items/" + id)).isEqualTo(item);
		assertThat(ids(read(api, "/api/items?q=" + sku).path("items").values())).containsExactly(id);
		assertThat(ids(read(api, "/api/items/lookup?q=" + sku).values())).containsExactly(id);
	}

	@Test
	void walksEveryMatchingItemExactlyOnceAcrossPages() {
		String word = uniqueWord();
		List<Long> expected = new java.util.ArrayList<>();
		for (String name : List.of("Ice tea", "İçli köfte", "ice cream", "ΚΑΦΕΣ", "Ωμέγα", "Cake", "cake")) {
			expected.add(item(api, name + " " + word, "1.00").path("id").asLong());
		}

		List<Long> onePage = ids(allPages(api, "/api/items?q=" + word, 100));
		assertThat(onePage).containsExactlyInAnyOrderElementsOf(expected);
		for (int limit : new int[] { 1, 2, 3 }) {
			assertThat(ids(allPages(api, "/api/items?q=" + word, limit))).as("limit %d", limit).isEqualTo(onePage);
		}
	}

	@Test
	void refusesAnItemWithoutSkuNameOrPrice() {
		var refused = api.post("/api/items", Map.of("description", "nothing else"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("validation");
		assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
			.containsExactlyInAnyOrder("sku", "name", "price");
	}

	@Test
	void refusesASecondItemWithTheSameSku() {
		JsonNode first = item(api, "Darjeeling", "5.00");
		String sku = first.path("sku").asString();

		var refused = api.post("/api/items", Map.of("sku", sku, "name", "Another Darjeeling", "price", "5.50"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("sku");
		assertThat(ids(read(api, "/api/items?status=all&q=" + sku).path("items").values()))
			.containsExactly(first.path("id").asLong());
	}

	@Test
	void hidesADeactivatedItemFromTheListAndTheItemPicker() {
		String word = uniqueWord();
		long kept = item(api, "Assam " + word, "4.00").path("id").asLong();
		long dropped = item(api, "Lapsang " + word, "4.50").path("id").asLong();

		JsonNode deactivated = transition(api, "/api/items/" + dropped, "deactivate", "No longer stocked");

		assertThat(deactivated.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(deactivated.path("statusReason").asString()).isEqualTo("No longer stocked");
		assertThat(ids(allPages(api, "/api/items?q=" + word, 10))).containsExactly(kept);
		assertThat(ids(allPages(api, "/api/items?status=inactive&q=" + word, 10))).containsExactly(dropped);
		assertThat(ids(allPages(api, "/api/items?status=all&q=" + word, 1))).containsExactlyInAnyOrder(kept, dropped);
		assertThat(ids(read(api, "/api/items/lookup?q=" + word).values())).containsExactly(kept);
	}

	@Test
	void refusesToSellADeactivatedItem() {
		long customer = customer(api, uniqueName("Bunter")).path("id").asLong();
		long available = item(api, "Oolong", "3.00").path("id").asLong();
		JsonNode discontinued = item(api, "Gunpowder", "3.50");
		long discontinuedId = discontinued.path("id").asLong();
		transition(api, "/api/items/" + discontinuedId, "deactivate", "Supplier stopped making it");

		for (String payment : List.of("CASH", "CARD")) {
			var refused = sell(api, customer, payment, line(available, 1), line(discontinuedId, 1));

			assertThat(refused.status()).as("%s", refused).isEqualTo(409);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.problemType()).isEqualTo("record-inactive");
			assertThat(refused.json().path("detail").asString()).contains(discontinued.path("sku").asString())
				.contains("inactive");
		}
		assertThat(ordersOf(api, customer)).isEmpty();

		transition(api, "/api/items/" + discontinuedId, "reactivate", "Found another supplier");
		JsonNode order = sold(api, customer, "CASH", line(discontinuedId, 2));
		assertThat(order.path("total").asString()).isEqualTo("7.00");
	}

	@Test
	void refusesToSellAnItemThatIsNotInStock() {
		long customer = customer(api, uniqueName("Stockless")).path("id").asLong();
		String sku = "TRK-" + uniqueWord();
		var created = api.post("/api/items", Map.of("sku", sku, "name", "Tracked tin", "price", "2.00", "trackStock", true));
		long tracked = created.json().path("id").asLong();

		var refused = sell(api, customer, "CASH", line(tracked, 1));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("insufficient-stock");
		assertThat(ordersOf(api, customer)).isEmpty();
		assertThat(read(api, "/api/items/" + tracked).path("stockOnHand").asInt()).isZero();
	}

	/**
	 * A sale of several tracked items takes each line's quantity off its own item, however many lines it has; an
	 * untracked item's stock stays as it was. A sale one of whose items is short takes nothing off any of them.
	 */
	@Test
	void aSaleOfSeveralTrackedItemsTakesEachLinesQuantityOffItsOwnItemOrNothingAtAll() {
		long customer = customer(api, uniqueName("Stocked shelves")).path("id").asLong();
		long tea = trackedItem(api, "Breakfast tea", "3.00");
		long jam = trackedItem(api, "Damson jam", "4.00");
		long oats = trackedItem(api, "Rolled oats", "2.00");
		long bag = item(api, "Paper bag", "0.10").path("id").asLong();
		received(api, Map.of(tea, 5, jam, 4, oats, 3));

		JsonNode order = sold(api, customer, "CASH", line(oats, 1), line(tea, 2), line(bag, 1), line(jam, 3));

		assertThat(order.path("total").asString()).isEqualTo("20.10");
		Map<Long, Integer> onHand = Map.of(tea, 3, jam, 1, oats, 2, bag, 0);
		onHand.forEach((id, stock) -> assertThat(read(api, "/api/items/" + id).path("stockOnHand").asInt())
			.as("item %d", id).isEqualTo(stock));

		var refused = sell(api, customer, "CASH", line(tea, 1), line(jam, 2), line(oats, 1));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("insufficient-stock");
		assertThat(refused.json().path("itemId").asLong()).isEqualTo(jam);
		onHand.forEach((id, stock) -> assertThat(read(api, "/api/items/" + id).path("stockOnHand").asInt())
			.as("item %d after the refused sale", id).isEqualTo(stock));
	}

}
