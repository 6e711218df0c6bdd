package org.backroom.reporting;

import java.util.Arrays;
/**
 * The four historical reports, each one SQL aggregation over the orders of a period ({@code :from} inclusive,
 * {@code :to} exclusive). Each groups on the id the orders hold and only then joins the master record, so that a
 * record that is inactive, in the trash or even purged keeps its line; names fall back to the orders' snapshots.
 * Indexes: V10__create_report_indexes.sql.
 */
enum Report {

	SALES_BY_CUSTOMER("sales-by-customer", """
			SELECT s.customer_id AS id, c.code,
			       coalesce(c.name, (SELECT o.customer_name FROM sales_orders o WHERE o.customer_id = s.customer_id
			                         ORDER BY o.created_at DESC LIMIT 1)) AS name,
			       coalesce(c.status, 'PURGED') AS status, s.orders, s.quantity, s.total
			FROM (SELECT o.customer_id, count(*) AS orders, sum(q.quantity) AS quantity, sum(o.total) AS total
			      """ + Report.SALES_OF_PERIOD + """
			      GROUP BY o.customer_id) AS s
			LEFT JOIN customers c ON c.id = s.customer_id
			ORDER BY s.total DESC, s.customer_id"""),

	SALES_BY_ITEM("sales-by-item", """
			SELECT s.item_id AS id, coalesce(i.sku, snapshot.sku) AS code, coalesce(i.name, snapshot.name) AS name,
			       coalesce(i.status, 'PURGED') AS status, s.orders, s.quantity, s.total
			FROM (SELECT l.item_id, count(DISTINCT o.id) AS orders, sum(l.quantity) AS quantity,
			             sum(l.line_total) AS total
			      FROM sales_orders o
			      JOIN sales_order_lines l ON l.order_id = o.id
			      WHERE o.created_at >= :from AND o.created_at < :to
			      GROUP BY l.item_id) AS s
			LEFT JOIN items i ON i.id = s.item_id
			LEFT JOIN LATERAL (SELECT l.sku, l.name FROM sales_order_lines l
			                   WHERE i.id IS NULL AND l.item_id = s.item_id LIMIT 1) AS snapshot ON true
			ORDER BY s.total DESC, s.item_id"""),

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
	PURCHASES_BY_SUPPLIER("purchases-by-supplier", """
			SELECT s.supplier_id AS id, sp.code,
			       coalesce(sp.name, (SELECT o.supplier_name FROM purchase_orders o WHERE o.supplier_id = s.supplier_id
			                          ORDER BY o.created_at DESC LIMIT 1)) AS name,
			       coalesce(sp.status, 'PURGED') AS status, s.orders, s.quantity, s.total
			FROM (SELECT o.supplier_id, count(*) AS orders, sum(q.quantity) AS quantity, sum(o.total) AS total
			      FROM purchase_orders o
			      CROSS JOIN LATERAL (SELECT coalesce(sum(l.quantity), 0) AS quantity
			                          FROM purchase_order_lines l WHERE l.order_id = o.id) AS q
			      WHERE o.created_at >= :from AND o.created_at < :to AND o.status IN ('ORDERED', 'RECEIVED')
			      GROUP BY o.supplier_id) AS s
			LEFT JOIN suppliers sp ON sp.id = s.supplier_id
			ORDER BY s.total DESC, s.supplier_id""");

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
