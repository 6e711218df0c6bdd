package org.backroom.item;

import static org.backroom.platform.Sql.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordKind;
import org.jspecify.annotations.Nullable;

/** An item (product) as the API shows it; a merged item names the survivor it was folded into. */
public record Item(long id, String sku, String name, @Nullable String description, @Nullable String barcode,
		@Nullable String category, BigDecimal price, @Nullable BigDecimal cost, boolean trackStock, int stockOnHand,
		LifecycleStatus status, @Nullable String statusReason, @Nullable Instant statusChangedAt, Instant createdAt,
		Instant updatedAt, long version, @Nullable Long mergedInto) implements RecordKind.Versioned {

	static final String COLUMNS = """
			id, sku, name, description, barcode, category, price, cost, track_stock, stock_on_hand, status,
			status_reason, status_changed_at, created_at, updated_at, version, merged_into""";

	static Item from(ResultSet rs, int row) throws SQLException {
		return new Item(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("description"),
				rs.getString("barcode"), rs.getString("category"), rs.getBigDecimal("price"), rs.getBigDecimal("cost"),
				rs.getBoolean("track_stock"), rs.getInt("stock_on_hand"), LifecycleStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), instant(rs, "status_changed_at"),
				Objects.requireNonNull(instant(rs, "created_at")), Objects.requireNonNull(instant(rs, "updated_at")),
				rs.getLong("version"), rs.getObject("merged_into", Long.class));
	}

}
