package org.backroom.web;

import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A failure that says nothing about the request, only about its timing: PostgreSQL chose this transaction as the
 * victim of a deadlock (SQLSTATE 40P01) or could not serialize it (40001). The transaction rolled back, so the
 * same request in a fresh transaction may well succeed. The request's transaction retries it (see
 * {@code org.backroom.idempotency}); what still fails is answered {@code 503 try-again} with {@code Retry-After}.
 */
public final class TryAgain {

	/** Set on the request when its failure was of this kind, for the filter that may run it again. */
	public static final String ATTRIBUTE = TryAgain.class.getName();

	/** Seconds a client should wait before it tries again. */
	public static final int RETRY_AFTER_SECONDS = 1;

	private TryAgain() {
	}

	/** Whether this failure, or any cause of it, is a deadlock or a serialization failure. */
	public static boolean isTransient(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
					|| "40001".equals(sql.getSQLState()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

	static void mark(HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, Boolean.TRUE);
	}

	public static boolean marked(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) != null;
	}

	public static void clear(HttpServletRequest request) {
		request.removeAttribute(ATTRIBUTE);
	}

	static final String TITLE = "Try again";

	static final String DETAIL = "Other changes to the same records got in the way and this request was rolled back; "
			+ "nothing was changed. Send it again in a moment.";

}
