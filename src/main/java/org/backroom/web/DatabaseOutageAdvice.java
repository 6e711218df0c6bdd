package org.backroom.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.platform.DatabaseAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page or API call that lost its database on the way answers 503 like every other request during the outage,
 * before the catch-all handlers could call it a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAdvice.class);

	private final DatabaseAvailability availability;

	DatabaseOutageAdvice(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	void unreachable(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		availability.lost(ex);
		DatabaseOutage.answer(request, response);
	}

	/** A commit whose answer never came: the outcome is unknown, which is what 503 says (and a retry may clarify). */
	@ExceptionHandler
	void commitLost(TransactionSystemException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (DatabaseOutage.isOutage(ex)) {
			unreachable(ex, request, response);
			return;
		}
		// Any other failed commit is what the catch-all would answer: a 500 that changed nothing.
		log.error("Unexpected failure", ex);
		if (request.getServletPath().startsWith("/api/")) {
			ProblemResponses.write(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
					"Backroom could not complete this request and changed nothing. The error is in the server log.");
		}
		else {
			response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
		}
	}

}
