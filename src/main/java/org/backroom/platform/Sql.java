package org.backroom.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Small helpers for writing SQL by hand. */
public final class Sql {

	private Sql() {
	}

	/**
	 * A {@code LIKE} pattern matching the query as a case-insensitive substring of a lower-cased search column,
	 * with the user's {@code %} and {@code _} taken literally. Served by the trigram GIN indexes.
	 */
	public static String containing(String query) {
		String escaped = query.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

	/** A {@code timestamptz} column as an instant, or null; the driver reads it as an offset date-time. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
