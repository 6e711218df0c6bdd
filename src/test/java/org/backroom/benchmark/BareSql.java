package org.backroom.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.backroom.lifecycle.PickerQuery;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.Sql;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

/**
 * The SQL that Backroom runs for each hot path, written out here so that the benchmark can run it bare over JDBC
 * beside the same request through the API. Keep it the same as the application's: the ratio of the two is what
 * the application adds, and the bare side is the floor the application cannot go under.
 */
final class BareSql {

	/** customer/Customers#PICKER. */
	private static final PickerQuery CUSTOMER_PICKER = new PickerQuery("customers",
			"status = 'ACTIVE' AND NOT is_system",
			List.of("lower(name)", "split_part(lower(name), ' ', 2)", "lower(code)", "lower(email)"));

	/** item/Items#PICKER. */
	private static final PickerQuery ITEM_PICKER = new PickerQuery("items", "status = 'ACTIVE'",
			List.of("lower(name)", "lower(sku)", "lower(barcode)"));

	/**
	 * customer/Customers#lookupQuery: the walk-in customer if it matches, then the others as every picker finds them
	 * (lifecycle/PickerQuery, the same builder the application calls).
	 */
	static RecordQueries.Query customerLookup(String typed) {
		RecordQueries.Query others = CUSTOMER_PICKER.ids(typed, 20);
		List<Object> params = new ArrayList<>(List.of(Sql.containing(typed)));
		params.addAll(others.params());
		return new RecordQueries.Query("""
				SELECT c.id, c.code, c.name, c.email, c.phone
				FROM customers c
				JOIN ((SELECT id, 0 AS rank, lower(name) AS sort_key FROM customers
				       WHERE is_system AND status = 'ACTIVE' AND search LIKE %s)
				      UNION ALL
				      (SELECT id, rank, sort_key FROM (%s) AS other)) AS hit ON hit.id = c.id
				ORDER BY hit.rank, hit.sort_key, hit.id
				LIMIT 20""".formatted(PickerQuery.VALUE, others.sql()), params);
	}

	/** item/ItemLookups#lookupQuery: the substring matches; then the barcode probe. */
	static RecordQueries.Query itemLookup(String typed) {
		RecordQueries.Query ids = ITEM_PICKER.ids(typed, 20);
		return new RecordQueries.Query("SELECT i.id, i.sku, i.name, i.barcode, i.price, i.stock_on_hand FROM items i"
				+ " JOIN (" + ids.sql() + ") AS hit ON hit.id = i.id ORDER BY hit.rank, hit.sort_key, hit.id",
				ids.params());
	}

	static final String ITEM_SCAN = """
			SELECT id, sku, name, barcode, price, stock_on_hand FROM items WHERE barcode = ? AND status = 'ACTIVE'""";

	/** customer/Customer#COLUMNS, as customer/Customers#list reads them. */
	private static final String CUSTOMER_COLUMNS = """
			c.id, c.code, c.name, c.email, c.phone, c.address, c.tax_number, c.notes, c.credit_allowed,
			c.credit_limit, c.balance, c.is_system, c.status, c.status_reason, c.status_changed_at,
			(SELECT o.created_at FROM sales_orders o WHERE o.customer_id = c.id
			 ORDER BY o.created_at DESC, o.id DESC LIMIT 1) AS last_order_at,
			c.created_at, c.updated_at, c.version""";

	/** customer/Customers#list through lifecycle/RecordQueries#searchPage. */
	static RecordQueries.Query customerPage(String status, String typed, @Nullable Cursor after) {
		return RecordQueries.searchPageQuery(CUSTOMER_COLUMNS, "customers", status, typed, after, 51);
	}

	/**
	 * lifecycle/RecordRows#readCounted: the row and, in the same statement, how many of each kind of dependent
	 * ({@code {counts}}, each {@link #DEPENDENT_COUNT}) up to 1,001, and after them the kind's open work (a
	 * customer's balance, which {@code HotPaths} adds to the counts), and last the store's choice of what deleting a
	 * referenced record does (settings/SettingsService#deleteReferencedSql).
	 */
	static final String IMPACT_ROW = "SELECT id, status, is_system, version, {label} AS label{counts},"
			+ " (SELECT value #>> '{}' FROM settings WHERE key = 'lifecycle.deleteReferenced') AS delete_referenced"
			+ " FROM {table} WHERE id = ?";

	/** lifecycle/Dependent#countSql: counting stops past 1,000. */
	static final String DEPENDENT_COUNT = "(SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1001) AS d)";

	/** The writes of a sale (sales/SalesService#sell) and its audit entry (audit/AuditLog#append). */
	static final String SALE_CUSTOMER = "SELECT id, name, status FROM customers WHERE id = ? FOR SHARE";

	static final String SALE_ITEMS = """
			SELECT id, sku, name, price, status FROM items WHERE id IN (?, ?, ?) ORDER BY id FOR SHARE""";

	static final String SALE_ORDER = """
			INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, processed_by)
			VALUES (?, ?, 'CASH', ?, 'admin', ?) RETURNING id, number""";

	static final String SALE_LINES = """
			INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, discount, line_total)
			VALUES (?, 1, ?, ?, ?, 1, ?, 0, ?), (?, 2, ?, ?, ?, 1, ?, 0, ?), (?, 3, ?, ?, ?, 1, ?, 0, ?)""";

	// audit/AuditLog#APPEND: the entry is written unchained, without a lock; the sealer chains it after commit.
	static final String AUDIT_APPEND = """
			INSERT INTO audit_log (at, actor, action, record_kind, record_id, reason, changes, request_id, address,
			                       payload_hash)
			SELECT v.*, audit_payload_hash(v.at, v.actor, v.action, v.record_kind, v.record_id, v.reason, v.changes,
			                               v.request_id, v.address)
			FROM (SELECT clock_timestamp() AS at, 'admin'::text AS actor, 'sales-order.create'::text AS action,
			             'sales-order'::text AS record_kind, CAST(? AS bigint) AS record_id, NULL::text AS reason,
			             CAST(? AS jsonb) AS changes, CAST(? AS text) AS request_id, '127.0.0.1'::text AS address) AS v""";

	/** idempotency/IdempotencyKeys#claim: the key's row, written before the sale in the same transaction. */
	static final String SALE_KEY_CLAIM = """
			INSERT INTO idempotency_keys (staff_id, key, request_hash, status, headers, body)
			VALUES (?, ?, ?, 0, '{}', ''::bytea) ON CONFLICT DO NOTHING""";

	/** events/EventLog#INSERT: the sale as an event for webhooks, in the sale's transaction. */
	static final String SALE_EVENT = """
			INSERT INTO events (type, version, record_kind, record_id, payload)
			VALUES ('SalesOrderCreated', 1, 'sales-order', ?, CAST(? AS jsonb))""";

	/** idempotency/IdempotencyKeys#answer: the answer kept for a retry, before the sale commits. */
	static final String SALE_KEY_ANSWER = """
			UPDATE idempotency_keys SET status = 201, headers = CAST(? AS jsonb), body = ? WHERE staff_id = ? AND key = ?""";

	/** reporting/Report#SALES_BY_CUSTOMER: the path's main query, whose plan is checked. */
	static final String REPORT_APP = """
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
			      WHERE o.created_at >= ? AND o.created_at < ?
			      GROUP BY coalesce(m.merged_into, o.customer_id)) AS g
			LEFT JOIN LATERAL (SELECT c.code, c.name, c.status FROM customers c WHERE c.id = g.id OFFSET 0) AS c ON true
			ORDER BY g.total DESC, g.id""";

	/** A sales-by-customer report as anyone would write it by hand: one GROUP BY over the period's lines. */
	static final String REPORT = """
			SELECT c.id, c.code, c.name, c.status, count(DISTINCT o.id) AS orders, sum(l.quantity) AS quantity,
			       sum(l.line_total) AS total
			FROM sales_orders o
			JOIN sales_order_lines l ON l.order_id = o.id
			JOIN customers c ON c.id = o.customer_id
			WHERE o.created_at >= ? AND o.created_at < ?
			GROUP BY c.id
			ORDER BY total DESC, c.id""";

	private BareSql() {
	}

}
