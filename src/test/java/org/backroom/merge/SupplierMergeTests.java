package org.backroom.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 5 for suppliers: duplicates by tax number and name, a merge that rewrites no purchase order yet
 * shows the duplicate's orders on the survivor, a merged supplier refused in new purchase orders, and the undo.
 */
@BackroomTest
class SupplierMergeTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	private long supplier(Map<String, ?> fields) {
		Api.Response created = api.post("/api/suppliers", fields);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long order(long supplierId, long itemId) {
		Api.Response order = api.post("/api/purchase-orders", Map.of("supplierId", supplierId, "lines",
				List.of(Map.of("itemId", itemId, "quantity", 2, "unitCost", "1.50"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		return order.json().path("id").asLong();
	}

	private Api.Response merge(long survivor, long duplicate, Map<String, String> fields) {
		return api.post("/api/suppliers/" + survivor + "/merge", Map.of("duplicateIds", List.of(duplicate),
				"fields", fields, "reason", "one wholesaler"));
	}

	@Test
	void proposesSuppliersWithTheSameTaxNumberOrASimilarNameAndADismissedPairNeverAgain() {
		String word = uniqueWord();
		long taxA = supplier(Map.of("name", "Northern " + uniqueWord(), "taxNumber", "GB 987 " + word));
		long taxB = supplier(Map.of("name", "Southern " + uniqueWord(), "taxNumber", "gb987" + word));
		long named = supplier(Map.of("name", "Green Farm Produce " + word));
		long alike = supplier(Map.of("name", "Green Farm Produce Ltd " + word));

		Map<String, JsonNode> pairs = pairs();

		assertThat(kinds(pairs.get(taxA + "-" + taxB))).containsExactly("taxNumber");
		assertThat(kinds(pairs.get(named + "-" + alike))).containsExactly("name");
		assertThat(api.post("/api/suppliers/duplicates/dismissals",
				Map.of("ids", List.of(taxA, taxB), "reason", "Two branches")).status()).isEqualTo(201);
		assertThat(pairs()).doesNotContainKey(taxA + "-" + taxB);
	}

	@Test
	void purchaseOrdersKeepTheirSupplierAndShowOnTheSurvivorAndAMergedSupplierTakesNoNewOrder() {
		String word = uniqueWord();
		long itemId = item(api, "Supplier merge flour " + word, "2.00").path("id").asLong();
		long survivor = supplier(Map.of("name", "Merge Mills " + word, "phone", "0161 555 0700"));
		long duplicate = supplier(Map.of("name", "Merge Mills Ltd " + word, "email", "orders@" + word + ".example"));
		long theirs = order(duplicate, itemId);
		long ours = order(survivor, itemId);
		String snapshot = "SELECT supplier_id || ':' || supplier_name FROM purchase_orders WHERE id = ?";
		String before = jdbc.sql(snapshot).param(theirs).query(String.class).single();

		Api.Response merged = merge(survivor, duplicate, Map.of("email", "fromDuplicate"));

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().path("email").asString()).isEqualTo("orders@" + word + ".example");
		assertThat(merged.json().path("phone").asString()).isEqualTo("0161 555 0700");
		assertThat(jdbc.sql(snapshot).param(theirs).query(String.class).single()).isEqualTo(before);
		assertThat(read(api, "/api/purchase-orders/" + theirs).path("supplierId").asLong()).isEqualTo(duplicate);
		assertThat(orderIds(survivor, true)).contains(theirs, ours);
		assertThat(orderIds(survivor, false)).containsExactly(ours);
		JsonNode gone = read(api, "/api/suppliers/" + duplicate);
		assertThat(gone.path("status").asString()).isEqualTo("MERGED");
		assertThat(gone.path("mergedInto").asLong()).isEqualTo(survivor);
		Api.Response refused = api.post("/api/purchase-orders", Map.of("supplierId", duplicate, "lines",
				List.of(Map.of("itemId", itemId, "quantity", 1, "unitCost", "1.00"))));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-merged");
		assertThat(refused.json().path("mergedInto").asLong()).isEqualTo(survivor);
		assertThat(refused.json().path("detail").asString()).contains("Merge Mills " + word);
		assertThat(api.get("/api/suppliers?q=" + word).json().path("items")).hasSize(1);
		assertThat(api.get("/api/suppliers?status=merged&q=" + word).json().path("items").path(0).path("id").asLong())
			.isEqualTo(duplicate);
		assertThat(api.get("/api/suppliers/lookup?q=" + word).json()).hasSize(1);
	}

	@Test
	void mergeThenUnmergeLeavesEveryTableAsItWasExceptTheAuditTrailWhichHasBoth() {
		String word = uniqueWord();
		long itemId = item(api, "Undo supplier oil " + word, "3.00").path("id").asLong();
		long survivor = supplier(Map.of("name", "Undo Oils " + word, "taxNumber", "X" + word));
		long duplicate = supplier(Map.of("name", "Undo Oils Co " + word, "contactName", "Pat", "taxNumber", "X " + word));
		order(duplicate, itemId);
		Map<String, List<String>> before = Tables.dump(jdbc);
		long audit = Tables.auditEntries(jdbc);

		assertThat(merge(survivor, duplicate, Map.of("contactName", "fromDuplicate", "name", "fromDuplicate")).status())
			.isEqualTo(200);
		assertThat(Tables.dump(jdbc)).isNotEqualTo(before);
		Api.Response unmerged = api.post("/api/suppliers/" + duplicate + "/unmerge", because("two firms"));

		assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);
		assertThat(unmerged.json().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(Tables.dump(jdbc)).isEqualTo(before);
		assertThat(Tables.actionsSince(jdbc, audit)).contains("supplier.merge", "supplier.merge-survivor",
				"supplier.unmerge", "supplier.unmerge-survivor");
	}

	@Test
	void refusesToUnmergeASupplierWhoseSurvivorWasEditedSince() {
		String word = uniqueWord();
		long survivor = supplier(Map.of("name", "Edited Farm " + word));
		long duplicate = supplier(Map.of("name", "Edited Farm Ltd " + word));
		assertThat(merge(survivor, duplicate, Map.of()).status()).isEqualTo(200);
		jdbc.sql("UPDATE suppliers SET notes = 'changed', version = version + 1 WHERE id = ?").param(survivor).update();

		Api.Response refused = api.post("/api/suppliers/" + duplicate + "/unmerge", because("wrong"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("unmerge-blocked");
		assertThat(refused.json().path("dependsOn").path(0).asString()).contains("was changed since the merge");
	}

	private List<Long> orderIds(long supplierId, boolean includeMerged) {
		List<Long> ids = new ArrayList<>();
		api.get("/api/purchase-orders?limit=100&supplierId=" + supplierId + "&includeMerged=" + includeMerged).json()
			.path("items").forEach(order -> ids.add(order.path("id").asLong()));
		return ids;
	}

	/** Every proposed pair, following the cursor, keyed "firstId-secondId". */
	private Map<String, JsonNode> pairs() {
		Map<String, JsonNode> pairs = new HashMap<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/suppliers/duplicates?limit=50" + (cursor == null ? "" : "&cursor=" + cursor))
				.json();
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
