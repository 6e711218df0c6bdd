package org.backroom.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 5 for items: duplicates by barcode and name, a merge that combines stock by a recorded
 * adjustment, a merged item refused in new sales and purchase orders, and an unmerge that gives the stock back.
 */
@BackroomTest
class ItemMergeTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	private long supplier;

	/** A tracked item with this much received onto its stock through a purchase order. */
	private long stocked(String name, int onHand) {
		Api.Response created = api.post("/api/items", Map.of("sku", "SKU-" + uniqueWord().toUpperCase(Locale.ROOT),
				"name", name, "price", "2.00", "trackStock", true));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		if (onHand > 0) {
			if (supplier == 0) {
				supplier = api.post("/api/suppliers", Map.of("name", "Merge wholesale " + uniqueWord())).json()
					.path("id").asLong();
			}
			Api.Response order = api.post("/api/purchase-orders", Map.of("supplierId", supplier, "lines",
					List.of(Map.of("itemId", id, "quantity", onHand, "unitCost", "1.00"))));
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
			long orderId = order.json().path("id").asLong();
			assertThat(api.post("/api/purchase-orders/" + orderId + "/order", null).status()).isEqualTo(200);
			assertThat(api.post("/api/purchase-orders/" + orderId + "/receive", null).status()).isEqualTo(200);
		}
		return id;
	}

	private Api.Response merge(long survivor, long duplicate, Map<String, String> fields) {
		return api.post("/api/items/" + survivor + "/merge", Map.of("duplicateIds", List.of(duplicate), "fields", fields,
				"reason", "one product"));
	}

	private int stock(long item) {
		return read(api, "/api/items/" + item).path("stockOnHand").asInt();
	}

	@Test
	void proposesItemsWhoseBarcodesAreTheSameNumberOrWhoseNamesAreAlikeAndADismissedPairNeverAgain() {
		String word = uniqueWord();
		String digits = String.valueOf(Math.abs(word.hashCode()) % 1_000_000_000L + 1_000_000_000L);
		long upc = itemWith("Corn flakes " + word, "0" + digits);
		long ean = itemWith("Rolled oats " + uniqueWord(), digits);
		long small = itemWith("Oat milk one litre " + word, null);
		long large = itemWith("Oat milk one litre " + word + "x", null);

		Map<String, JsonNode> pairs = pairs();

		assertThat(kinds(pairs.get(upc + "-" + ean))).containsExactly("barcode");
		assertThat(pairs.get(upc + "-" + ean).path("evidence").path(0).path("detail").asString())
			.contains("0" + digits, "same number");
		assertThat(kinds(pairs.get(small + "-" + large))).containsExactly("name");
		Api.Response dismissed = api.post("/api/items/duplicates/dismissals",
				Map.of("ids", List.of(large, small), "reason", "Two sizes, two products"));
		assertThat(dismissed.status()).isEqualTo(201);
		assertThat(pairs()).doesNotContainKey(small + "-" + large);
		assertThat(api.get("/api/audit?action=item.duplicate-dismiss&recordKind=item&recordId=" + small).body())
			.contains("Two sizes, two products");
	}

	@Test
	void aMergeCombinesStockByARecordedAdjustmentAndTheMergedItemLeavesSalesPurchasesAndPickers() {
		String word = uniqueWord();
		long survivor = stocked("Merge tea " + word, 3);
		long duplicate = stocked("Merge tea bags " + word, 5);
		JsonNode preview = read(api, "/api/items/" + survivor + "/merge/preview?duplicateIds=" + duplicate);
		assertThat(preview.path("allowed").asBoolean()).as(preview.toString()).isTrue();
		assertThat(preview.path("moves").path("stock").asInt()).isEqualTo(5);
		assertThat(preview.path("moves").path("stockAfter").asInt()).isEqualTo(8);

		Api.Response merged = merge(survivor, duplicate, Map.of("name", "fromDuplicate"));

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().path("stockOnHand").asInt()).isEqualTo(8);
		assertThat(merged.json().path("name").asString()).isEqualTo("Merge tea bags " + word);
		JsonNode gone = read(api, "/api/items/" + duplicate);
		assertThat(gone.path("status").asString()).isEqualTo("MERGED");
		assertThat(gone.path("mergedInto").asLong()).isEqualTo(survivor);
		assertThat(gone.path("stockOnHand").asInt()).isZero();
		assertThat(api.get("/api/audit?action=item.stock-adjustment&recordKind=item&recordId=" + survivor).body())
			.contains("\"quantity\"");
		Api.Response sale = sell(api, null, "CASH", line(duplicate, 1));
		assertThat(sale.status()).isEqualTo(409);
		assertThat(sale.problemType()).isEqualTo("record-merged");
		assertThat(sale.json().path("mergedInto").asLong()).isEqualTo(survivor);
		assertThat(sale.json().path("detail").asString()).contains("Merge tea bags " + word);
		Api.Response purchase = api.post("/api/purchase-orders", Map.of("supplierId", supplier, "lines",
				List.of(Map.of("itemId", duplicate, "quantity", 1, "unitCost", "1.00"))));
		assertThat(purchase.status()).isEqualTo(409);
		assertThat(purchase.problemType()).isEqualTo("record-merged");
		assertThat(api.get("/api/items/lookup?q=" + word).body()).doesNotContain("\"id\":" + duplicate + ",");
		assertThat(api.get("/api/items?q=" + word).json().path("items")).hasSize(1);
		assertThat(api.get("/api/items?status=merged&q=" + word).json().path("items").path(0).path("id").asLong())
			.isEqualTo(duplicate);
	}

	@Test
	void mergeThenUnmergeLeavesEveryTableAsItWasExceptTheAuditTrailWhichHasBoth() {
		String word = uniqueWord();
		long survivor = stocked("Undo jam " + word, 2);
		long duplicate = stocked("Undo jam jar " + word, 4);
		jdbc.sql("UPDATE items SET barcode = ? WHERE id = ?").params("77" + Math.abs(word.hashCode()), duplicate).update();
		Map<String, List<String>> before = Tables.dump(jdbc);
		long audit = Tables.auditEntries(jdbc);

		assertThat(merge(survivor, duplicate, Map.of("barcode", "fromDuplicate")).status()).isEqualTo(200);
		assertThat(read(api, "/api/items/" + survivor).path("barcode").asString()).startsWith("77");
		assertThat(stock(survivor)).isEqualTo(6);
		assertThat(Tables.dump(jdbc)).isNotEqualTo(before);
		Api.Response unmerged = api.post("/api/items/" + duplicate + "/unmerge", because("two products after all"));

		assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);
		assertThat(unmerged.json().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(Tables.dump(jdbc)).isEqualTo(before);
		assertThat(Tables.actionsSince(jdbc, audit)).contains("item.merge", "item.merge-survivor", "item.unmerge",
				"item.unmerge-survivor", "item.stock-adjustment");
	}

	@Test
	void unmergeGivesTheStockBackAndKeepsWhatWasSoldSince() {
		String word = uniqueWord();
		long survivor = stocked("Keep rice " + word, 3);
		long duplicate = stocked("Keep rice bag " + word, 5);
		assertThat(merge(survivor, duplicate, Map.of()).status()).isEqualTo(200);
		sold(api, null, "CASH", line(survivor, 2));

		Api.Response unmerged = api.post("/api/items/" + duplicate + "/unmerge", because("two products"));

		assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);
		assertThat(stock(duplicate)).isEqualTo(5);
		assertThat(stock(survivor)).isEqualTo(1);
		assertThat(api.get("/api/audit?action=item.stock-adjustment&recordKind=item&recordId=" + duplicate).body())
			.contains("two products");
	}

	@Test
	void refusesToUnmergeWhenTheStockSoldSinceCannotComeBackAndSaysWhy() {
		String word = uniqueWord();
		long survivor = stocked("Sold pasta " + word, 0);
		long duplicate = stocked("Sold pasta pack " + word, 5);
		assertThat(merge(survivor, duplicate, Map.of()).status()).isEqualTo(200);
		sold(api, null, "CASH", line(survivor, 4));

		Api.Response refused = api.post("/api/items/" + duplicate + "/unmerge", because("wrong"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("unmerge-blocked");
		assertThat(refused.json().path("dependsOn").path(0).asString()).contains("has 1 on hand, fewer than the 5");
		assertThat(read(api, "/api/items/" + duplicate).path("status").asString()).isEqualTo("MERGED");
		assertThat(stock(survivor)).isEqualTo(1);
	}

	@Test
	void anItemUnmergeWaitsForApprovalWhenTheSettingsSaySo() {
		String word = uniqueWord();
		long survivor = stocked("Wait salt " + word, 1);
		long duplicate = stocked("Wait salt fine " + word, 2);
		assertThat(merge(survivor, duplicate, Map.of()).status()).isEqualTo(200);
		api.patch("/api/settings", Map.of("approvals", Map.of("item.unmerge", true)));
		try {
			Api.Response held = api.post("/api/items/" + duplicate + "/unmerge", because("two"));
			assertThat(held.status()).as(held.toString()).isEqualTo(202);
			assertThat(held.json().path("action").asString()).isEqualTo("item.unmerge");
			assertThat(stock(survivor)).isEqualTo(3);

			Api.Response approved = staffWithRole("Manager").post(held.header("Location") + "/approve", because("ok"));

			assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
			assertThat(stock(survivor)).isEqualTo(1);
			assertThat(stock(duplicate)).isEqualTo(2);
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("item.unmerge", false)));
		}
	}

	@Test
	void aSurvivorCannotBeDeletedWhileItemsAreMergedIntoIt() {
		String word = uniqueWord();
		long survivor = itemWith("Survivor flour " + word, null);
		long duplicate = itemWith("Survivor flour bag " + word, null);
		assertThat(merge(survivor, duplicate, Map.of()).status()).isEqualTo(200);

		Api.Response refused = api.delete("/api/items/" + survivor + "?reason=gone");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-referenced");
		assertThat(refused.toString()).contains("merged item");
		assertThat(read(api, "/api/items/" + survivor).path("status").asString()).isEqualTo("ACTIVE");
	}

	private long itemWith(String name, @org.jspecify.annotations.Nullable String barcode) {
		Map<String, Object> fields = new HashMap<>(Map.of("sku", "SKU-" + uniqueWord().toUpperCase(Locale.ROOT),
				"name", name, "price", "1.00"));
		if (barcode != null) {
			fields.put("barcode", barcode);
		}
		Api.Response created = api.post("/api/items", fields);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** Every proposed pair, following the cursor, keyed "firstId-secondId". */
	private Map<String, JsonNode> pairs() {
		Map<String, JsonNode> pairs = new HashMap<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/items/duplicates?limit=50" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			page.path("items").forEach(pair -> pairs.put(pair.path("records").path(0).path("id").asLong() + "-"
					+ pair.path("records").path(1).path("id").asLong(), pair));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
		}
		while (cursor != null);
		return pairs;
	}

	private static List<String> kinds(JsonNode pair) {
		List<String> kinds = new ArrayList<>();
		pair.path("evidence").forEach(e -> kinds.add(e.path("kind").asString()));
		return kinds;
	}

}
