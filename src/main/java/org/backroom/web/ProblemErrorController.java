package org.backroom.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside a controller (by the servlet container or a filter) still answer with a problem detail,
 * never with a stack trace or the container's HTML page. A browser asking for a page (not under {@code /api})
 * gets the friendly error page instead.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			// Asked for directly, not forwarded to with an error: there is nothing here.
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found", "There is nothing at /error."));
		}
		HttpStatusCode status = status(request);
		HttpStatus known = HttpStatus.resolve(status.value());
		String detail = status.is5xxServerError()
				? "Backroom could not complete this request and changed nothing. The error is in the server log."
				: "The request could not be processed.";
		return ResponseEntity.status(status)
			.body(Problems.of(status, ProblemAdvice.slugFor(status), known != null ? known.getReasonPhrase() : "Error",
					detail));
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	@Nullable Object page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith("/api/")) {
			// Written here, not returned: this mapping produces text/html, and a problem would not be writable.
			ProblemDetail problem = java.util.Objects.requireNonNull(error(request).getBody());
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			ProblemResponses.write(response, status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR, slug(problem),
					String.valueOf(problem.getTitle()), String.valueOf(problem.getDetail()));
			return null;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return PageAdvice.page(request, response, HttpStatus.NOT_FOUND, title(HttpStatus.NOT_FOUND),
					detail(HttpStatus.NOT_FOUND));
		}
		HttpStatus status = HttpStatus.resolve(status(request).value());
		HttpStatus shown = status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		return PageAdvice.page(request, response, shown, title(shown), detail(shown));
	}

	private static String slug(ProblemDetail problem) {
		String type = problem.getType().toString();
		return type.substring(type.lastIndexOf(':') + 1);
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return HttpStatusCode.valueOf(code instanceof Integer value ? value : 500);
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
