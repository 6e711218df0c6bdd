package org.backroom.purchasing;

import static org.backroom.platform.Sql.instant;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of purchase orders and their lines; the indexes are in V5__create_purchase_orders.sql. */
@Repository
class PurchaseOrders {

	private final JdbcClient jdbc;

	PurchaseOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long supplierId, String supplierName, BigDecimal total, StaffPrincipal by,
			List<PurchaseOrder.Line> lines) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO purchase_orders (supplier_id, supplier_name, total, created_by, processed_by) VALUES (?, ?, ?, ?, ?)")
			.params(supplierId, supplierName, total, by.username(), by.id())
			.update(keys, "id");
		long orderId = keys.getKeyAs(Long.class);
		for (PurchaseOrder.Line line : lines) {
			jdbc.sql("""
					INSERT INTO purchase_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_cost, line_total)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(orderId, line.lineNo(), line.itemId(), line.sku(), line.name(), line.quantity(),
						line.unitCost(), line.lineTotal())
				.update();
		}
		return orderId;
	}

	Optional<PurchaseOrder> find(long id) {
		return withLines(jdbc.sql("SELECT * FROM purchase_orders WHERE id = ?").param(id).query(PurchaseOrders::header).list())
			.stream()
			.findFirst();
	}

	/** The order with its row locked FOR UPDATE: a move decides on the status it reads, and no other move can interleave. */
	Optional<PurchaseOrder> lock(long id) {
		return withLines(jdbc.sql("SELECT * FROM purchase_orders WHERE id = ? FOR UPDATE").param(id)
			.query(PurchaseOrders::header).list()).stream().findFirst();
	}

	/** Newest first, optionally some suppliers' and in one status. */
	List<PurchaseOrder> list(@Nullable List<Long> supplierIds, @Nullable PurchaseOrderStatus status,
			@Nullable Cursor after, int rows) {
		RecordQueries.Query query = listQuery(supplierIds, status, after, rows);
		return withLines(jdbc.sql(query.sql()).params(query.params()).query(PurchaseOrders::header).list());
	}

	/**
	 * The query of {@link #list}, keyset-paged on {@code (created_at, id)}: each supplier's orders read newest first
	 * from purchase_orders_by_supplier, or purchase_orders_by_supplier_status for one status
	 * ({@link Cursor#newestFirstOfEach}); any supplier's of one status from purchase_orders_by_status; all of them
	 * from purchase_orders_by_created_covering.
	 */
	static RecordQueries.Query listQuery(@Nullable List<Long> supplierIds, @Nullable PurchaseOrderStatus status,
			@Nullable Cursor after, int rows) {
		List<Object> params = new ArrayList<>();
		if (supplierIds != null) {
			params.add(supplierIds.toArray(Long[]::new));
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM purchase_orders WHERE ")
			.append(supplierIds != null ? "supplier_id = k.id" : "true");
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		Cursor.newestFirst(sql, params, after, rows);
		if (supplierIds == null) {
			return new RecordQueries.Query(sql.toString(), params);
		}
		params.add(rows);
		return new RecordQueries.Query(Cursor.newestFirstOfEach(sql.toString()), params);
	}

	/** One item's most recent purchase order lines. */
	List<ItemPurchase> purchasesOf(long itemId, int rows) {
		RecordQueries.Query query = purchasesOfQuery(itemId, rows);
		return jdbc.sql(query.sql()).params(query.params()).query(RecordRows.of(ItemPurchase.class)).list();
	}

	/**
	 * The query of {@link #purchasesOf}: the item's latest lines by order id, read in that order from
	 * purchase_order_lines_by_item_newest and cut to a page before they are joined to their orders, then shown by
	 * the orders' time, as an item's sales are (joined first, the planner merged them with every order down to the
	 * item's: 30,000 read for 25).
	 */
	static RecordQueries.Query purchasesOfQuery(long itemId, int rows) {
		return new RecordQueries.Query("""
				SELECT o.id AS order_id, o.number, o.created_at, o.supplier_id, o.supplier_name, o.status, l.quantity,
				       l.unit_cost, l.line_total
				FROM (SELECT order_id, line_no, quantity, unit_cost, line_total FROM purchase_order_lines
				      WHERE item_id = ? ORDER BY order_id DESC, line_no LIMIT ?) AS l
				JOIN purchase_orders o ON o.id = l.order_id
				ORDER BY o.created_at DESC, o.id DESC, l.line_no""", List.of(itemId, rows));
	}

	/** A line of a purchase order, as an item's history shows it. */
	record ItemPurchase(long orderId, String number, Instant createdAt, long supplierId, String supplierName,
			PurchaseOrderStatus status, int quantity, BigDecimal unitCost, BigDecimal lineTotal) {
	}

	void markOrdered(long id) {
		move(id, PurchaseOrderStatus.ORDERED, "ordered_at = now()");
	}

	void markReceived(long id, List<String> warnings) {
		move(id, PurchaseOrderStatus.RECEIVED, "received_at = now(), warnings = ?", (Object) warnings.toArray(String[]::new));
	}

	void markCancelled(long id, @Nullable String reason) {
		move(id, PurchaseOrderStatus.CANCELLED, "cancelled_at = now(), cancel_reason = ?", reason);
	}

	/** Sets the new status, the moment it was reached and what goes with it; the caller holds the row lock. */
	private void move(long id, PurchaseOrderStatus to, String changes, @Nullable Object... values) {
		List<@Nullable Object> params = new ArrayList<>(Arrays.asList(values));
		params.add(to.name());
		params.add(id);
		jdbc.sql("UPDATE purchase_orders SET " + changes + ", status = ?, version = version + 1, updated_at = now()"
				+ " WHERE id = ?").params(params).update();
	}

	private List<PurchaseOrder> withLines(List<PurchaseOrder> orders) {
		if (orders.isEmpty()) {
			return orders;
		}
		Map<Long, List<PurchaseOrder.Line>> lines = new LinkedHashMap<>();
		orders.forEach(order -> lines.put(order.id(), new ArrayList<>()));
		jdbc.sql("SELECT * FROM purchase_order_lines WHERE order_id = ANY(?) ORDER BY order_id, line_no")
			.param(lines.keySet().toArray(Long[]::new))
			.query((rs, row) -> lines.get(rs.getLong("order_id")).add(new PurchaseOrder.Line(rs.getInt("line_no"),
					rs.getLong("item_id"), rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
					rs.getBigDecimal("unit_cost"), rs.getBigDecimal("line_total"))))
			.list();
		return orders.stream().map(order -> order.withLines(lines.get(order.id()))).toList();
	}

	private static PurchaseOrder header(ResultSet rs, int row) throws SQLException {
		return new PurchaseOrder(rs.getLong("id"), rs.getString("number"), rs.getLong("supplier_id"),
				rs.getString("supplier_name"), PurchaseOrderStatus.valueOf(rs.getString("status")),
				rs.getBigDecimal("total"), texts(rs.getArray("warnings")), rs.getString("cancel_reason"),
				Objects.requireNonNull(instant(rs, "created_at")), rs.getString("created_by"),
				instant(rs, "ordered_at"), instant(rs, "received_at"), instant(rs, "cancelled_at"),
				rs.getLong("version"), List.of());
	}

	private static List<String> texts(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
