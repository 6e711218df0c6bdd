package org.backroom.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
