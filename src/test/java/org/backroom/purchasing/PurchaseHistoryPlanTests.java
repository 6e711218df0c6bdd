package org.backroom.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.item;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.QueryPlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of a long purchasing history costs a page: a supplier's orders (with the supplier merged into it, and the
 * few drafts left among years of received orders) and an item's latest purchase lines are read newest first from
 * an index on their key and stop after the page, among 30,000 orders of another supplier.
 */
@BackroomTest
class PurchaseHistoryPlanTests extends ApiTest {

	private static final int PAGE = 51;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aPageOfLongHistoriesReadsAPageFromTheirIndexes() {
		long regular = supplier("Harbour Teas");
		long merged = supplier("Harbour Teas (old account)");
		long other = supplier("Everyday Wholesale");
		long item = item(api, "Assam 100 bags", "7.50").path("id").asLong();
		long otherItem = item(api, "Darjeeling 100 bags", "9.50").path("id").asLong();
		// Years of received orders, and a few drafts left long ago among them.
		List<String> fill = List.of(received(regular, 3000, "now() - g * interval '1 day'"),
				orders(regular, 60, "now() - interval '9 years' - g * interval '1 day'"),
				orders(merged, 200, "now() - interval '10 years' - g * interval '1 day'"),
				received(other, 30000, "now() - g * interval '1 minute'"), """
				INSERT INTO purchase_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_cost, line_total)
				SELECT o.id, 1, %d, 'ASSAM-100', 'Assam 100 bags', 10, 3.00, 30.00
				FROM purchase_orders o WHERE o.supplier_id = %d""".formatted(item, regular), """
				INSERT INTO purchase_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_cost, line_total)
				SELECT o.id, 1, %d, 'DARJ-100', 'Darjeeling 100 bags', 1, 4.00, 4.00
				FROM purchase_orders o WHERE o.supplier_id = %d""".formatted(otherItem, other),
				"ANALYZE purchase_orders", "ANALYZE purchase_order_lines");

		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, fill, Map.of(
				"a supplier and the one merged into it",
				PurchaseOrders.listQuery(List.of(regular, merged), null, null, PAGE),
				"their drafts", PurchaseOrders.listQuery(List.of(regular, merged), PurchaseOrderStatus.DRAFT, null, PAGE),
				"every order", PurchaseOrders.listQuery(null, null, null, PAGE),
				"an item's latest purchase lines", PurchaseOrders.purchasesOfQuery(item, 25)));

		assertThat(plans.get("a supplier and the one merged into it")).contains("using purchase_orders_by_supplier ");
		assertThat(plans.get("their drafts")).contains("using purchase_orders_by_supplier_status");
		assertThat(plans.get("an item's latest purchase lines"))
			.contains("Index Scan using purchase_order_lines_by_item_newest");
		plans.forEach((name, plan) -> {
			assertThat(plan).as(name).doesNotContain("Seq Scan on purchase_order");
			assertThat(QueryPlans.mostRowsOfAnyStep(plan)).as(name + ":\n" + plan).isLessThanOrEqualTo(2 * PAGE);
		});
	}

	private long supplier(String name) {
		var created = api.post("/api/suppliers", Map.of("name", name));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static String received(long supplier, int count, String createdAt) {
		return """
				INSERT INTO purchase_orders (supplier_id, supplier_name, status, total, created_by, created_at,
				                             ordered_at, received_at)
				SELECT %d, 'Supplier', 'RECEIVED', 30.00, 'admin', %3$s, %3$s, %3$s FROM generate_series(1, %2$d) AS g"""
			.formatted(supplier, count, createdAt);
	}

	private static String orders(long supplier, int count, String createdAt) {
		return """
				INSERT INTO purchase_orders (supplier_id, supplier_name, total, created_by, created_at)
				SELECT %d, 'Supplier', 30.00, 'admin', %s FROM generate_series(1, %d) AS g""".formatted(supplier,
				createdAt, count);
	}

}
