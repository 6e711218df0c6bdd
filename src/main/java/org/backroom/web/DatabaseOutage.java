package org.backroom.web;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one answer while the database is unreachable: {@code 503 database-unavailable} with {@code Retry-After} for
 * the API, and a page that says so for people. Never a 500, and never a "wrong password" that is not.
 */
public final class DatabaseOutage {

	static final String RETRY_AFTER_SECONDS = "5";

	private DatabaseOutage() {
	}

	/** Whether this failure means the database could not be reached (rather than a query that was wrong). */
	public static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			// A commit or rollback that failed in JDBC (the transaction manager translates every SQL error it can
			// name) leaves the connection in doubt: on a lost connection, the failure that made it roll back is gone.
			if (cause instanceof TransactionSystemException tx && (tx.getCause() instanceof SQLException
					|| tx.getApplicationException() != null && isOutage(tx.getApplicationException()))) {
				return true;
			}
			// 08: connection exceptions; 57P01-57P03: the server is shutting down or starting up.
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A sign-in that failed because the user could not be looked up is no wrong password: let the outage reach the
	 * filter that answers 503.
	 */
	public static void rethrowIfOutage(Exception signInFailure) {
		if (signInFailure instanceof InternalAuthenticationServiceException
				&& signInFailure.getCause() instanceof RuntimeException cause && isOutage(cause)) {
			throw cause;
		}
	}

	static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		if (request.getServletPath().startsWith("/api/") || !acceptsHtml(request)) {
			ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
					"Database unavailable", "Backroom cannot reach its database right now; try again in a few seconds. "
							+ "A change sent just as the database went away may or may not have been saved.");
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Backroom cannot reach its database</title>
				<meta http-equiv="refresh" content="5"><link rel="stylesheet" href="/css/backroom.css"></head>
				<body><main class="error-page"><h1>Backroom cannot reach its database</h1>
				<p>Nothing is lost: what was saved stays saved. Backroom keeps trying and this page reloads itself
				every few seconds; if it does not come back, ask whoever runs Backroom to check its database.</p>
				</main></body></html>
				""");
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept == null || accept.contains("text/html") || accept.contains("*/*");
	}

}
