package org.backroom.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside a controller (by the servlet container or a filter) still answer with a problem detail,
 * never with a stack trace or the container's HTML page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 500);
		HttpStatus known = HttpStatus.resolve(status.value());
		String detail = status.is5xxServerError()
				? "Backroom could not complete this request and changed nothing. The error is in the server log."
				: "The request could not be processed.";
		return ResponseEntity.status(status)
			.body(Problems.of(status, ProblemAdvice.slugFor(status), known != null ? known.getReasonPhrase() : "Error",
					detail));
	}

}
