package org.backroom.platform;

import java.util.Locale;

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

}
