package org.backroom.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside a controller (by the servlet container, the firewall or a filter) still answer with a
 * problem detail, never with a stack trace or the container's HTML page. A browser asking for a page (not under
 * {@code /api}) gets the friendly error page instead. The problem is written directly, whatever the request's
 * {@code Accept} says: content negotiation must not turn an error into an empty answer. Not part of the API.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	@Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean forwarded = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
		// Asked for directly, not forwarded to with an error: there is nothing here.
		HttpStatus status = forwarded ? status(request) : HttpStatus.NOT_FOUND;
		Object uri = forwarded ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
		boolean api = uri instanceof String path && (path.startsWith("/api/") || path.equals("/api"));
		if (!api && wantsPage(request)) {
			return PageAdvice.page(request, response, status, title(status), detail(status));
		}
		String title = status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
		ProblemResponses.write(response, status, ProblemAdvice.slugFor(status), title, problemDetail(status, forwarded));
		return null;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html");
	}

	private static String problemDetail(HttpStatus status, boolean forwarded) {
		if (!forwarded) {
			return "There is nothing at /error.";
		}
		return status.is5xxServerError()
				? "Backroom could not complete this request and changed nothing. The error is in the server log."
				: "The request could not be processed: its address or headers are not what Backroom accepts.";
	}

	private static String title(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Page not found";
			case FORBIDDEN -> "Not allowed";
			default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
		};
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is no page at this address. Use the menu to find what you are looking for.";
			case FORBIDDEN -> "Your roles do not allow this, or the form was too old: go back, reload and try again.";
			default -> status.is5xxServerError()
					? "Backroom could not complete this and changed nothing. The error is in the server log."
					: "This request could not be processed.";
		};
	}

}
