package org.backroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.support.StoreRecords.customer;

import java.util.LinkedHashMap;
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
 * The impact preview costs the same for a record with a long history as for a new one: every kind of dependent has
 * an index on its foreign key, and every count stops after 1,001 rows. Read from the plans the counts executed, for
 * a customer with 5,000 orders among 65,000.
 */
@BackroomTest
class ImpactPlanTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	RecordKinds kinds;

	@Autowired
	LifecyclePolicy policy;

	@Test
	void everyKindOfDependentIsCountedFromAnIndexAndStopsPastTheCap() {
		List<Dependent> dependents = kinds.all().stream().flatMap(kind -> kind.dependents().stream()).toList();
		assertThat(dependents).isNotEmpty();

		for (Dependent dependent : dependents) {
			assertThat(indexLeadingWith(dependent.table(), dependent.column()))
				.as("an index on %s (%s …) for the count of %s", dependent.table(), dependent.column(), dependent.name())
				.isTrue();
		}
	}

	@Test
	void aCustomerWithFiveThousandOrdersIsCountedFromTheIndexUpToTheCapOnly() {
		long id = customer(api, "Regular for years").path("id").asLong();
		Map<String, RecordQueries.Query> counts = new LinkedHashMap<>();
		kinds.byName("customer").dependents().forEach(dependent -> counts.put(dependent.name(),
				new RecordQueries.Query(dependent.countSql(), List.of(id))));

		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, List.of("""
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT %d, 'Regular for years', 'CASH', 1.00, 'admin', now() - g * interval '1 hour'
				FROM generate_series(1, 5000) AS g""".formatted(id), """
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by)
				SELECT (SELECT id FROM customers WHERE is_system), 'Walk-in customer', 'CASH', 1.00, 'admin'
				FROM generate_series(1, 60000) AS g""", "ANALYZE sales_orders"), counts);

		// The scan stops at the cap, through the foreign key's index, or through the table when the planner finds
		// the record common enough that the first 1,001 rows are near (it owns one order in thirteen here), or
		// through a bitmap of the index's entries for it, whose table reads stop at the cap (ANALYZE samples the
		// table, and one clean-clone run in four got this plan: 5,000 entries, 16 pages, 0.5 ms).
		assertThat(plans.get("salesOrders"))
			.containsPattern("Limit \\(actual [^\n]*rows=1001 loops=1\\)\n\\s+->  (Index (Only )?Scan using \\S+|Seq Scan|Bitmap Heap Scan) on "
					+ "sales_orders \\(actual [^\n]*rows=1001 loops=1\\)");
		plans.forEach((name, plan) -> assertThat(plan).as(name).containsPattern("Limit \\(actual [^\n]*rows=\\d+ loops=1\\)"));
	}

	@Test
	void aSupplierOpenOrdersAreCountedWithItsRecordFromTheIndexOfItsOrdersByStatus() {
		long id = supplier(api, "Wholesaler for years").path("id").asLong();
		RecordKind kind = kinds.byName("supplier");
		RecordQueries.Query preview = new RecordQueries.Query(RecordRows.countedSql(kind, policy.deleteReferencedSql()),
				List.copyOf(RecordRows.countedParams(kind, id)));

		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, List.of("""
				INSERT INTO purchase_orders (supplier_id, supplier_name, status, total, created_by, ordered_at,
				                             received_at)
				SELECT %d, 'Wholesaler for years', s.status, 1.00, 'admin',
				       CASE WHEN s.status <> 'DRAFT' THEN now() END, CASE WHEN s.status = 'RECEIVED' THEN now() END
				FROM generate_series(1, 3000) AS g,
				     LATERAL (SELECT CASE WHEN g <= 12 THEN 'DRAFT' WHEN g <= 20 THEN 'ORDERED' ELSE 'RECEIVED' END
				              AS status) AS s""".formatted(id),
				"INSERT INTO suppliers (name) SELECT 'Other wholesaler ' || g FROM generate_series(1, 200) AS g", """
				INSERT INTO purchase_orders (supplier_id, supplier_name, status, total, created_by, ordered_at,
				                             received_at)
				SELECT s.id, s.name, CASE WHEN g % 3 = 0 THEN 'DRAFT' ELSE 'RECEIVED' END, 1.00, 'admin',
				       CASE WHEN g % 3 <> 0 THEN now() END, CASE WHEN g % 3 <> 0 THEN now() END
				FROM suppliers s, generate_series(1, 150) AS g WHERE s.name LIKE 'Other wholesaler %'""",
				"ANALYZE suppliers", "ANALYZE purchase_orders"),
				Map.of("preview", preview));

		// Among 33,000 orders of 201 suppliers, the 20 open ones of its 3,000 are read from the index by supplier and
		// status, and only they.
		assertThat(plans.get("preview"))
			.containsPattern("Index (Only )?Scan using purchase_orders_by_supplier_status on purchase_orders p "
					+ "\\(actual [^\n]*rows=20 loops=1\\)")
			.doesNotContain("Seq Scan on purchase_orders");
	}

	private boolean indexLeadingWith(String table, String column) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_index i
				               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
				               WHERE i.indrelid = CAST(? AS regclass) AND a.attname = ?)""")
			.params(table, column)
			.query(Boolean.class)
			.single();
	}

}
