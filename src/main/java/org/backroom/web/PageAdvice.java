package org.backroom.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of HTML pages as a friendly page (or, for an htmx request, the same message as a fragment). Ordered
 * before {@link ProblemAdvice}, and limited to {@link PageController}s, so the API's problem details are untouched.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

	/** The path of the page, so the navigation can mark where the user is. */
	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ExceptionHandler
	ModelAndView refusal(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, refusal.status(), refusal.title(), refusal.getMessage());
	}

	/** A form or address with a value that cannot be read (a letter where a number belongs) or stored (a NUL). */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HttpMessageNotReadableException.class, NumberFormatException.class, DataIntegrityViolationException.class })
	ModelAndView unreadable(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		log.info("Refused unreadable input to page {}: {}", request.getRequestURI(), ex.getMessage());
		return page(request, response, HttpStatus.BAD_REQUEST, "Something in the form could not be read",
				"A value was not in a form Backroom understands, so nothing was changed. Go back, check the form and try again.");
	}

	@ExceptionHandler
	ModelAndView unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (TryAgain.isTransient(ex)) {
			log.info("Page {} rolled back by contention: {}", request.getRequestURI(), ex.getMessage());
			TryAgain.mark(request);
			response.setHeader("Retry-After", String.valueOf(TryAgain.RETRY_AFTER_SECONDS));
			return page(request, response, HttpStatus.SERVICE_UNAVAILABLE, TryAgain.TITLE, TryAgain.DETAIL);
		}
		log.error("Unexpected failure of page {}", request.getRequestURI(), ex);
		return page(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"Backroom could not complete this and changed nothing. The error is in the server log.");
	}

	static ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) {
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView(Htmx.isPartial(request) ? "fragments/problem :: problem" : "error");
		page.addObject("status", status.value());
		page.addObject("heading", title);
		page.addObject("detail", detail);
		return page;
	}

}
