package org.backroom.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** One page of a keyset-paginated list: the items and the cursor of the next page, if there is one. */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 100;

	/** The page size asked for, checked: 1 to 100, 50 when not given. */
	public static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ValidationFailed.of("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

	/**
	 * Cuts rows fetched with {@code limit + 1} to a page; the extra row only tells that there is a next page, whose
	 * cursor is made from the last row shown.
	 */
	public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> shown = rows.subList(0, limit);
		return new Page<>(List.copyOf(shown), cursorOf.apply(shown.get(limit - 1)).encode());
	}

}
