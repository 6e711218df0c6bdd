package org.backroom.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;

/** An active customer with no sale since a date (or never): a candidate for review and, perhaps, deactivation. */
record DormantCustomer(long id, String code, String name, @Nullable Instant lastSaleAt, BigDecimal lifetimeSales,
		BigDecimal balance) {

	static DormantCustomer from(ResultSet rs, int row) throws SQLException {
		return new DormantCustomer(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				Sql.instant(rs, "last_sale_at"), rs.getBigDecimal("lifetime_sales"), rs.getBigDecimal("balance"));
	}

}
