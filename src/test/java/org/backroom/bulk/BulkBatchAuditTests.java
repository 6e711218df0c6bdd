package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job of several set-based batches leaves exactly what one click per record would: each record changed once,
 * one audit entry each, in record order, on a chain that still verifies.
 */
@BackroomTest(properties = "backroom.bulk.batch-size=500")
class BulkBatchAuditTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJobOfManyBatchesWritesOneChainedEntryPerRecordInOrder() {
		List<Long> ids = jdbc.sql("INSERT INTO customers (name) SELECT 'Batch audit ' || g FROM generate_series(1, 1200)"
				+ " AS g RETURNING id").query(Long.class).list();
		long walkIn = api.get("/api/customers/lookup?q=walk-in").json().get(0).path("id").asLong();
		List<Long> asked = new ArrayList<>(ids);
		asked.add(walkIn);
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", asked,
				"reason", "closing old accounts")).json().path("id").asLong();
		BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"),
				60_000);

		JsonNode finished = api.get("/api/bulk-jobs/" + job).json();
		assertThat(finished.path("done").asInt()).isEqualTo(1200);
		assertThat(finished.path("skipped").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE id = ANY (CAST(? AS bigint[])) AND status = 'INACTIVE'"
				+ " AND status_reason = 'closing old accounts' AND version = 1").param(Selection.array(ids))
			.query(Long.class).single()).isEqualTo(1200);
		assertThat(api.get("/api/customers/" + walkIn).json().path("status").asString()).isEqualTo("ACTIVE");

		// One entry per record, and the entries' order is the records' order: the chain was built in sequence.
		var entries = jdbc.sql("SELECT record_id FROM audit_log WHERE action = 'customer.deactivate'"
				+ " AND CAST(changes ->> 'bulkJob' AS bigint) = ? ORDER BY id").param(job).query(Long.class).list();
		assertThat(entries).containsExactlyElementsOf(ids);
		JsonNode entry = api.get("/api/customers/" + ids.get(700) + "/history").json().path("items");
		assertThat(entry.get(entry.size() - 1).path("changes").path("status").path("from").asString()).isEqualTo("ACTIVE");
		assertThat(entry.get(entry.size() - 1).path("changes").path("status").path("to").asString()).isEqualTo("INACTIVE");
		assertThat(entry.get(entry.size() - 1).path("actor").asString()).isEqualTo("system");
		JsonNode verify = api.get("/api/audit/verify").json();
		assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
	}

	@Test
	void aBulkDeleteOfUnreferencedItemsPutsEachInTheTrashWithItsEntry() {
		List<Long> items = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			items.add(api.post("/api/items", Map.of("sku", "SET-" + i + "-" + System.nanoTime(), "name", "Set item " + i,
					"price", "1.00")).json().path("id").asLong());
		}
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "item", "action", "delete", "ids", items, "reason",
				"discontinued")).json().path("id").asLong();
		BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"),
				30_000);
		items.forEach(id -> assertThat(api.get("/api/items/" + id).json().path("status").asString()).isEqualTo("DELETED"));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'item.delete' AND record_id = ANY (CAST(? AS"
				+ " bigint[]))").param(Selection.array(items)).query(Long.class).single()).isEqualTo(3);
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

}
