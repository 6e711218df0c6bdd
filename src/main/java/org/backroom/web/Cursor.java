package org.backroom.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a keyset-paginated list stops: the sort key and id of the last row shown. Opaque to clients (base64url),
 * so that the sort can change without breaking them.
 */
public record Cursor(String key, long id) {

	private static final char SEPARATOR = '\u0000';

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((key + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Ends a list's query newest first, keyset-paged on {@code (created_at, id)}: the rows after {@code after}
	 * (all when it is null), at most {@code rows} of them.
	 */
	public static void newestFirst(StringBuilder sql, List<Object> params, @Nullable Cursor after, int rows) {
		if (after != null) {
			sql.append(" AND (created_at, id) < (?::timestamptz, ?)");
			params.add(after.key());
			params.add(after.id());
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
		params.add(rows);
	}

	/**
	 * A list newest first across several keys' rows (a customer and the customers merged into it, say): {@code
	 * perKey} is one key's page, written with {@link #newestFirst} and naming the key {@code k.id}; its parameters
	 * follow the keys' array, and the page's size ends them. Each key's rows are read newest first from the index on
	 * {@code (key, created_at, id)} and stop at a page; the few pages are merged. With {@code key = ANY (keys)} the
	 * index yields no time order across keys, so the planner read all of a long history and sorted it, or walked
	 * the table's time index back for the few rows of the keys: 15 ms a page for a customer of 20,000 orders among
	 * two million, and as long as the table for one whose orders are old.
	 */
	public static String newestFirstOfEach(String perKey) {
		return "SELECT o.* FROM unnest(CAST(? AS bigint[])) AS k(id) CROSS JOIN LATERAL (" + perKey + ") AS o"
				+ " ORDER BY o.created_at DESC, o.id DESC LIMIT ?";
	}

	/** The cursor a client sent back, or null for the first page; a cursor that was not ours is a 422. */
	public static @Nullable Cursor decode(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int split = text.lastIndexOf(SEPARATOR);
			return new Cursor(text.substring(0, split), Long.parseLong(text.substring(split + 1)));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw ValidationFailed.of("cursor", "is not a cursor this list gave out");
		}
	}

}
