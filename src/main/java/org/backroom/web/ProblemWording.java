package org.backroom.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * The words of the problems {@link ProblemAdvice} writes: what was sent and where, in the user's terms and never in
 * Java's or Jackson's.
 */
final class ProblemWording {

	private ProblemWording() {
	}

	static String rejected(@Nullable Object value) {
		if (value instanceof Object[] values) {
			return "is given " + values.length + " times; give it once";
		}
		String text = String.valueOf(value);
		return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "' is not a valid value";
	}

	static String titleFor(HttpStatusCode status, @Nullable Object body) {
		if (body instanceof ProblemDetail detail && detail.getTitle() != null) {
			return detail.getTitle();
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() : "Error";
	}

	static String detailFor(@Nullable Object body) {
		if (body instanceof ProblemDetail detail && detail.getDetail() != null) {
			return detail.getDetail();
		}
		return "The request could not be processed.";
	}

	static String where(JacksonException ex) {
		var location = ex.getLocation();
		return location == null || location.getLineNr() < 1 ? ""
				: " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		return name != null ? name : "parameter";
	}

}
