package org.backroom.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A mistyped page address shows a browser the friendly page, not JSON. An unknown {@code /api} path, or any
 * unknown path asked for by a client that does not want HTML, stays the problem detail {@link ProblemAdvice} gives.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageNotFoundAdvice {

	@ExceptionHandler
	Object notFound(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		if (request.getServletPath().startsWith("/api/") || !wantsPage(request)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found",
						"There is nothing at " + request.getRequestURI() + "."));
		}
		return PageAdvice.page(request, response, HttpStatus.NOT_FOUND, "Page not found",
				"There is no page at this address. Use the menu to find what you are looking for.");
	}

	/** A browser asks for HTML; an API client that mistypes a path still gets a problem detail. */
	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html");
	}

}
