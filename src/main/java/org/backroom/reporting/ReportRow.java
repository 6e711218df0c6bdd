package org.backroom.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * One line of a report: a customer, item, staff member or supplier, what it did in the period, and its status
 * now ({@code ACTIVE}, {@code INACTIVE}, {@code DELETED}, or {@code PURGED} when only the orders' snapshots are
 * left).
 *
 * @param id the record's id; null only for a staff member whose user is gone
 * @param code the customer or supplier code, the item's SKU or the staff user name
 */
record ReportRow(@Nullable Long id, @Nullable String code, String name, String status, long orders, long quantity,
		BigDecimal total) {

	static final String[] HEADER = { "id", "code", "name", "status", "orders", "quantity", "total" };

	static ReportRow from(ResultSet rs, int row) throws SQLException {
		return new ReportRow(rs.getObject("id", Long.class), rs.getString("code"), rs.getString("name"),
				rs.getString("status"), rs.getLong("orders"), rs.getLong("quantity"), rs.getBigDecimal("total"));
	}

	@Nullable Object[] fields() {
		return new @Nullable Object[] { id, code, name, status, orders, quantity, total };
	}

}
