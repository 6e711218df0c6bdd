package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.read;
import static org.backroom.purchasing.PurchasingRecords.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Finding items: by sku, name and barcode, under the status filter, page by page; a scanned barcode at once. */
@BackroomTest
class ItemSearchTests extends ApiTest {

	/** Digits only this test's items carry, so that shared data never disturbs the counts. */
	private final String code = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, 12);

	private final String word = "zq" + code;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	private long zebra;

	private long apple;

	@BeforeEach
	void items() {
		zebra = create("ZB-" + code, "Zebra crackers " + word, "5" + code);
		apple = create("AP-" + code, "Apple crackers, code 5" + code + "00", null);
	}

	@Test
	void searchesBySkuNameAndBarcode() {
		assertThat(ids("/api/items?q=zb-" + code)).containsExactly(zebra);
		assertThat(ids("/api/items?q=" + Api.encode("ZEBRA CRACKERS " + word))).containsExactly(zebra);
		assertThat(ids("/api/items?q=5" + code)).as("in name order").containsExactly(apple, zebra);
		assertThat(ids("/api/items?q=crackers%2C%20code%205" + code)).containsExactly(apple);
	}

	@Test
	void putsTheItemWithAScannedBarcodeFirstInThePicker() {
		JsonNode scanned = read(api, "/api/items/lookup?q=5" + code);
		assertThat(scanned.values().stream().map(item -> item.path("id").asLong())).containsExactly(zebra, apple);
		assertThat(scanned.get(0).path("barcode").asString()).isEqualTo("5" + code);
		assertThat(scanned.get(0).path("sku").asString()).isEqualTo("ZB-" + code);
		assertThat(scanned.get(0).has("price")).isTrue();
		assertThat(scanned.get(0).has("stockOnHand")).isTrue();
	}

	@Test
	void findsAScannedBarcodeThroughItsUniqueIndex() {
		List<String> plan = transaction.execute(status -> {
			// A store-sized catalogue, rolled back afterwards: on a handful of rows any plan is as good as another.
			status.setRollbackOnly();
			jdbc.sql("""
					INSERT INTO items (sku, name, price, barcode, status)
					SELECT 'EXPLAIN-' || g || '-' || ?, 'Filler ' || g, 1, '8' || g || ?,
					       CASE WHEN g % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END
					FROM generate_series(1, 20000) AS g""").params(code, code).update();
			jdbc.sql("ANALYZE items").update();
			return jdbc.sql("EXPLAIN " + ItemLookups.BY_BARCODE).param("5" + code).query(String.class).list();
		});
		assertThat(String.join("\n", plan)).contains("items_barcode_unique", "Index Cond: (barcode = ")
			.doesNotContain("Seq Scan");
	}

	@Test
	void listsEachStatusPageByPage() {
		List<Long> more = new ArrayList<>();
		for (String name : List.of("Beta", "Gamma", "Delta")) {
			more.add(create("M" + name + "-" + code, name + " " + word, null));
		}
		transition(api, "/api/items/" + more.get(0), "deactivate");
		assertThat(api.delete("/api/items/" + more.get(1) + "?reason=Entered%20twice").status()).isEqualTo(200);

		assertThat(ids("/api/items?q=" + word)).containsExactly(more.get(2), zebra);
		assertThat(ids("/api/items?status=inactive&q=" + word)).containsExactly(more.get(0));
		assertThat(ids("/api/items?status=deleted&q=" + word)).containsExactly(more.get(1));
		assertThat(ids("/api/items?status=all&q=" + word)).containsExactly(more.get(0), more.get(2), zebra);

		JsonNode first = read(api, "/api/items?status=all&limit=2&q=" + word);
		assertThat(ids(first)).containsExactly(more.get(0), more.get(2));
		JsonNode second = read(api, "/api/items?status=all&limit=2&q=" + word + "&cursor="
				+ Api.encode(first.path("nextCursor").asString()));
		assertThat(ids(second)).containsExactly(zebra);
		assertThat(second.path("nextCursor").isNull()).isTrue();
		assertThat(api.get("/api/items?status=everything").status()).isEqualTo(422);
	}

	private long create(String sku, String name, String barcode) {
		Map<String, Object> form = barcode == null ? Map.of("sku", sku, "name", name, "price", "2.00")
				: Map.of("sku", sku, "name", name, "price", "2.00", "barcode", barcode);
		var created = api.post("/api/items", form);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private List<Long> ids(String path) {
		return ids(read(api, path));
	}

	private static List<Long> ids(JsonNode page) {
		return page.path("items").values().stream().map(item -> item.path("id").asLong()).toList();
	}

}
