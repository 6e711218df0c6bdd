package org.backroom.reporting;

import java.util.Arrays;
/**
 * The four historical reports, each one SQL aggregation over the orders of a period ({@code :from} inclusive,
 * {@code :to} exclusive). Each groups on the id the orders hold and only then joins the master record, so that a
 * record that is inactive, in the trash or even purged keeps its line; names fall back to the orders' snapshots.
 * A merged record's orders are counted under its survivor (issue 13): the grand total of a period never changes
 * with a merge or an unmerge, only the lines it is split into. Indexes: V10__create_report_indexes.sql.
 */
enum Report {

	// A merged customer's orders keep its id; they are counted under its survivor (merged_into). The orders are
	// grouped once, on the survivor's id, found among the few merged customers (customers_merged_into): joining
	// every customer of the period twice, before and after a second grouping, took 1.7 times the hand-written
	// GROUP BY at a million customers. Each group's customer is then read by its key (OFFSET 0 keeps the lateral
	// read from becoming a join), never the whole table: a month's 82,000 of a million customers were hashed from a
	// sequential scan of all of them.
	SALES_BY_CUSTOMER("sales-by-customer", """
			SELECT g.id, c.code,
			       coalesce(c.name, (SELECT o.customer_name FROM sales_orders o WHERE o.customer_id = g.id
			                         ORDER BY o.created_at DESC LIMIT 1)) AS name,
			       coalesce(c.status, 'PURGED') AS status, g.orders, g.quantity, g.total
			FROM (SELECT coalesce(m.merged_into, o.customer_id) AS id, count(*) AS orders,
			             sum(q.quantity)::bigint AS quantity, sum(o.total) AS total
			      FROM sales_orders o
			      CROSS JOIN LATERAL (SELECT coalesce(sum(l.quantity), 0) AS quantity
			                          FROM sales_order_lines l WHERE l.order_id = o.id) AS q
			      LEFT JOIN customers m ON m.id = o.customer_id AND m.merged_into IS NOT NULL
			      WHERE o.created_at >= :from AND o.created_at < :to
			      GROUP BY coalesce(m.merged_into, o.customer_id)) AS g
			LEFT JOIN LATERAL (SELECT c.code, c.name, c.status FROM customers c WHERE c.id = g.id OFFSET 0) AS c ON true
			ORDER BY g.total DESC, g.id"""),

	// A merged item's lines keep its id; they are counted under its survivor, as customers are.
	SALES_BY_ITEM("sales-by-item", """
			SELECT g.item_id AS id, coalesce(i.sku, snapshot.sku) AS code, coalesce(i.name, snapshot.name) AS name,
			       coalesce(i.status, 'PURGED') AS status, g.orders, g.quantity, g.total
			FROM (SELECT coalesce(m.merged_into, l.item_id) AS item_id, count(DISTINCT o.id) AS orders,
			             sum(l.quantity) AS quantity, sum(l.line_total) AS total
			      FROM sales_orders o
			      JOIN sales_order_lines l ON l.order_id = o.id
			      LEFT JOIN items m ON m.id = l.item_id AND m.merged_into IS NOT NULL
			      WHERE o.created_at >= :from AND o.created_at < :to
			      GROUP BY coalesce(m.merged_into, l.item_id)) AS g
			LEFT JOIN items i ON i.id = g.item_id
			LEFT JOIN LATERAL (SELECT l.sku, l.name FROM sales_order_lines l
			                   WHERE i.id IS NULL AND l.item_id = g.item_id LIMIT 1) AS snapshot ON true
			ORDER BY g.total DESC, g.item_id"""),

	// Grouped on the user name the order keeps (created_by): orders from before processed_by existed have only that.
	SALES_BY_STAFF("sales-by-staff", """
			SELECT st.id, s.created_by AS code, coalesce(st.display_name, s.created_by) AS name,
			       coalesce(st.status, 'PURGED') AS status, s.orders, s.quantity, s.total
			FROM (SELECT o.created_by, count(*) AS orders, sum(q.quantity) AS quantity, sum(o.total) AS total
			      """ + Report.SALES_OF_PERIOD + """
			      GROUP BY o.created_by) AS s
			LEFT JOIN staff st ON st.username = s.created_by
			ORDER BY s.total DESC, s.created_by"""),

	// Purchases are the orders placed with the supplier: ordered or received. Drafts and cancelled orders bought nothing.
	// A merged supplier's orders keep its id; they are counted under its survivor, as customers are.
	PURCHASES_BY_SUPPLIER("purchases-by-supplier", """
			SELECT g.id, sp.code,
			       coalesce(sp.name, (SELECT o.supplier_name FROM purchase_orders o WHERE o.supplier_id = g.id
			                          ORDER BY o.created_at DESC LIMIT 1)) AS name,
			       coalesce(sp.status, 'PURGED') AS status, g.orders, g.quantity, g.total
			FROM (SELECT coalesce(m.merged_into, s.supplier_id) AS id, sum(s.orders)::bigint AS orders,
			             sum(s.quantity)::bigint AS quantity, sum(s.total) AS total
			      FROM (SELECT o.supplier_id, count(*) AS orders, sum(q.quantity) AS quantity, sum(o.total) AS total
			            FROM purchase_orders o
			            CROSS JOIN LATERAL (SELECT coalesce(sum(l.quantity), 0) AS quantity
			                                FROM purchase_order_lines l WHERE l.order_id = o.id) AS q
			            WHERE o.created_at >= :from AND o.created_at < :to AND o.status IN ('ORDERED', 'RECEIVED')
			            GROUP BY o.supplier_id) AS s
			      LEFT JOIN suppliers m ON m.id = s.supplier_id
			      GROUP BY coalesce(m.merged_into, s.supplier_id)) AS g
			LEFT JOIN suppliers sp ON sp.id = g.id
			ORDER BY g.total DESC, g.id""");

	/**
	 * The sales orders of the period, each with the quantity of its lines: an index-only range scan of the orders
	 * and one index-only probe of the lines per order, never the whole history.
	 */
	static final String SALES_OF_PERIOD = """
			FROM sales_orders o
			CROSS JOIN LATERAL (SELECT coalesce(sum(l.quantity), 0) AS quantity
			                    FROM sales_order_lines l WHERE l.order_id = o.id) AS q
			WHERE o.created_at >= :from AND o.created_at < :to
			""";

	private final String path;

	private final String sql;

	Report(String path, String sql) {
		this.path = path;
		this.sql = sql;
	}

	String path() {
		return path;
	}

	String sql() {
		return sql;
	}

	static Report byPath(String path) {
		return Arrays.stream(values())
			.filter(report -> report.path.equals(path))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No report " + path));
	}

}
