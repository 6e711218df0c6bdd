package org.backroom.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of sales orders and their lines. */
@Repository
class SalesOrders {

	private final JdbcClient jdbc;

	SalesOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The order and its lines, as stored: one statement writes both and answers with what it wrote (a row per line,
	 * the order's columns on each), so the sale needs neither a second round trip nor a read after its writes.
	 */
	SalesOrder insert(long customerId, String customerName, NewSale.Payment payment, BigDecimal total,
			StaffPrincipal cashier, List<SalesOrder.Line> lines) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("A sales order needs at least one line");
		}
		List<Object> params = new ArrayList<>(List.of(customerId, customerName, payment.name(), total,
				cashier.username(), cashier.id()));
		for (SalesOrder.Line line : lines) {
			params.addAll(List.of(line.lineNo(), line.itemId(), line.sku(), line.name(), line.quantity(),
					line.unitPrice(), line.discount(), line.lineTotal()));
		}
		List<SalesOrder> rows = jdbc.sql(INSERT.replace("{lines}", ", (?, ?, ?, ?, ?, ?, ?, ?)".repeat(lines.size() - 1)))
			.params(params)
			.query((rs, row) -> header(rs, row).withLines(List.of(line(rs))))
			.list();
		return rows.get(0).withLines(rows.stream().map(order -> order.lines().get(0)).toList());
	}

	// The first row of VALUES says the types of them all; the lines' foreign key sees the order, checked at the end
	// of the statement. The order's columns, as header reads them, are named unlike a line's.
	private static final String INSERT = """
			WITH header AS (
			    INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, processed_by)
			    VALUES (?, ?, ?, ?, ?, ?)
			    RETURNING id, number, customer_id, customer_name, payment, status, total, created_at, created_by),
			stored AS (
			    INSERT INTO sales_order_lines
			        (order_id, line_no, item_id, sku, name, quantity, unit_price, discount, line_total)
			    SELECT header.id, line.* FROM header, (VALUES
			        (CAST(? AS integer), CAST(? AS bigint), CAST(? AS text), CAST(? AS text), CAST(? AS integer),
			         CAST(? AS numeric), CAST(? AS numeric), CAST(? AS numeric)){lines})
			        AS line (line_no, item_id, sku, name, quantity, unit_price, discount, line_total)
			    RETURNING line_no, item_id, sku, name, quantity, unit_price, discount, line_total)
			SELECT header.*, stored.* FROM header, stored ORDER BY stored.line_no""";

	Optional<SalesOrder> find(long id) {
		return withLines(jdbc.sql("SELECT * FROM sales_orders WHERE id = ?").param(id).query(SalesOrders::header).list())
			.stream()
			.findFirst();
	}

	/** Newest first, optionally some customers' (one, and those merged into it) or those one staff user processed. */
	List<SalesOrder> list(@Nullable List<Long> customerIds, @Nullable Long processedBy, @Nullable Cursor after,
			int rows) {
		RecordQueries.Query query = listQuery(customerIds, processedBy, after, rows);
		return withLines(jdbc.sql(query.sql()).params(query.params()).query(SalesOrders::header).list());
	}

	/**
	 * The query of {@link #list}, keyset-paged on {@code (created_at, id)}: each customer's orders read newest first
	 * from sales_orders_by_customer_covering ({@link Cursor#newestFirstOfEach}), one user's from
	 * sales_orders_by_staff_newest, all of them from sales_orders_by_created_covering.
	 */
	static RecordQueries.Query listQuery(@Nullable List<Long> customerIds, @Nullable Long processedBy,
			@Nullable Cursor after, int rows) {
		List<Object> params = new ArrayList<>();
		if (customerIds != null) {
			params.add(customerIds.toArray(new Long[0]));
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM sales_orders WHERE ")
			.append(customerIds != null ? "customer_id = k.id" : "true");
		if (processedBy != null) {
			sql.append(" AND processed_by = ?");
			params.add(processedBy);
		}
		Cursor.newestFirst(sql, params, after, rows);
		if (customerIds == null) {
			return new RecordQueries.Query(sql.toString(), params);
		}
		params.add(rows);
		return new RecordQueries.Query(Cursor.newestFirstOfEach(sql.toString()), params);
	}

	/** One item's most recent sales, a line each. */
	List<ItemSale> salesOf(long itemId, int rows) {
		RecordQueries.Query query = salesOfQuery(itemId, rows);
		return jdbc.sql(query.sql()).params(query.params()).query(RecordRows.of(ItemSale.class)).list();
	}

	/**
	 * The query of {@link #salesOf}: the item's latest lines by order id (the order in which sales were written),
	 * read in that order from sales_order_lines_by_item_newest and cut to a page before they are joined to their
	 * orders, then shown by the orders' time (which is when a sale began: one that waited for a lock can have the
	 * later id and the earlier time). Chosen by the orders' time, each of the item's lines was joined to its order
	 * first: 2.2 s for an item on 4,000 of ten million lines; joined before the page is cut, a planner may merge
	 * the lines with every order, newest first, down to the item's.
	 */
	static RecordQueries.Query salesOfQuery(long itemId, int rows) {
		return new RecordQueries.Query("""
				SELECT o.id AS order_id, o.number, o.created_at, o.customer_id, o.customer_name, l.quantity,
				       l.unit_price, l.line_total
				FROM (SELECT order_id, line_no, quantity, unit_price, line_total FROM sales_order_lines
				      WHERE item_id = ? ORDER BY order_id DESC, line_no LIMIT ?) AS l
				JOIN sales_orders o ON o.id = l.order_id
				ORDER BY o.created_at DESC, o.id DESC, l.line_no""", List.of(itemId, rows));
	}

	/** A line of a sale, as an item's history shows it. */
	record ItemSale(long orderId, String number, Instant createdAt, long customerId, String customerName, int quantity,
			BigDecimal unitPrice, BigDecimal lineTotal) {
	}

	private List<SalesOrder> withLines(List<SalesOrder> orders) {
		if (orders.isEmpty()) {
			return orders;
		}
		Map<Long, List<SalesOrder.Line>> lines = new LinkedHashMap<>();
		orders.forEach(order -> lines.put(order.id(), new ArrayList<>()));
		jdbc.sql("SELECT * FROM sales_order_lines WHERE order_id = ANY(?) ORDER BY order_id, line_no")
			.param(ids(orders.stream().map(SalesOrder::id).toList()))
			.query((rs, row) -> {
				lines.get(rs.getLong("order_id")).add(line(rs));
				return row;
			})
			.list();
		return orders.stream().map(order -> order.withLines(lines.get(order.id()))).toList();
	}

	private static Long[] ids(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

	private static SalesOrder header(ResultSet rs, int row) throws SQLException {
		return new SalesOrder(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"),
				rs.getString("customer_name"), NewSale.Payment.valueOf(rs.getString("payment")), rs.getString("status"),
				rs.getBigDecimal("total"), instant(rs.getObject("created_at", OffsetDateTime.class)),
				rs.getString("created_by"), List.of());
	}

	private static SalesOrder.Line line(ResultSet rs) throws SQLException {
		return new SalesOrder.Line(rs.getInt("line_no"), rs.getLong("item_id"), rs.getString("sku"),
				rs.getString("name"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount"),
				rs.getBigDecimal("line_total"));
	}

	private static Instant instant(OffsetDateTime value) {
		return value.toInstant();
	}

}
