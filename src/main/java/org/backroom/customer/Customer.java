package org.backroom.customer;

import static org.backroom.platform.Sql.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordKind;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API shows it: what was entered, plus code, balance, lifecycle status and version; a merged
 * customer names the survivor it was folded into ({@code mergedInto}).
 */
public record Customer(long id, String code, String name, @Nullable String email, @Nullable String phone,
		@Nullable String address, @Nullable String taxNumber, @Nullable String notes, boolean creditAllowed,
		BigDecimal creditLimit, BigDecimal balance, boolean system, LifecycleStatus status,
		@Nullable String statusReason, @Nullable Instant statusChangedAt, @Nullable Instant lastOrderAt,
		Instant createdAt, Instant updatedAt, long version, @Nullable Long mergedInto) implements RecordKind.Versioned {

	/** The columns {@link #from} reads, with the last order date from the customer's newest order. */
	static final String COLUMNS = """
			c.id, c.code, c.name, c.email, c.phone, c.address, c.tax_number, c.notes, c.credit_allowed,
			c.credit_limit, c.balance, c.is_system, c.status, c.status_reason, c.status_changed_at,
			(SELECT o.created_at FROM sales_orders o WHERE o.customer_id = c.id
			 ORDER BY o.created_at DESC, o.id DESC LIMIT 1) AS last_order_at,
			c.created_at, c.updated_at, c.version, c.merged_into""";

	static Customer from(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("email"),
				rs.getString("phone"), rs.getString("address"), rs.getString("tax_number"), rs.getString("notes"),
				rs.getBoolean("credit_allowed"), rs.getBigDecimal("credit_limit"), rs.getBigDecimal("balance"),
				rs.getBoolean("is_system"), LifecycleStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), instant(rs, "status_changed_at"), instant(rs, "last_order_at"),
				Objects.requireNonNull(instant(rs, "created_at")),
				Objects.requireNonNull(instant(rs, "updated_at")), rs.getLong("version"),
				rs.getObject("merged_into", Long.class));
	}

}
