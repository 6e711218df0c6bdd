package org.backroom.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Optimistic locking over HTTP: a record's {@code ETag} is its version, and an edit must say with
 * {@code If-Match} which version it was made from.
 */
public final class Preconditions {

	private Preconditions() {
	}

	/** What {@code If-Match: *} stands for: whatever version the record is at. */
	public static final long ANY_VERSION = -1;

	/** Whether an edit made from {@code expected} may apply to a record now at {@code current}. */
	public static boolean matches(long expected, long current) {
		return expected == ANY_VERSION || expected == current;
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/** The version named by an {@code If-Match} header; 428 when it is missing, 412 when it names no version. */
	public static long expectedVersion(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequired();
		}
		String tag = ifMatch.trim();
		if (tag.equals("*")) {
			// RFC 9110: "*" matches any current representation; the client accepts overwriting what it did not read.
			return ANY_VERSION;
		}
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new VersionConflict("If-Match " + ifMatch + " names no version of this record; GET it again.");
		}
	}

	/** An edit without {@code If-Match}. */
	static final class PreconditionRequired extends Refusal {

		PreconditionRequired() {
			super("precondition-required", HttpStatus.PRECONDITION_REQUIRED, "If-Match is required",
					"Send the ETag you last read in an If-Match header, so that nobody's change is overwritten unseen.");
		}

	}

	/** An edit made from a version that is no longer current. */
	public static final class VersionConflict extends Refusal {

		public VersionConflict(String detail) {
			super("version-conflict", HttpStatus.PRECONDITION_FAILED, "The record has changed", detail);
		}

		public static VersionConflict of(String what, long expected, long current) {
			return new VersionConflict(what + " was changed by someone else (you sent version " + expected
					+ ", it is now at version " + current + "); read it again and repeat your edit.");
		}

	}

}
