package org.backroom.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/**
 * What is wrong with a form, field by field, for showing beside each input. Fed by the same Bean Validation
 * annotations and named refusals the API reports, so no rule is written twice.
 */
public final class FieldErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	public FieldErrors add(String field, String message) {
		byField.merge(field, message, (first, second) -> first + "; " + second);
		return this;
	}

	public FieldErrors addAll(Set<? extends ConstraintViolation<?>> violations) {
		violations.forEach(violation -> add(violation.getPropertyPath().toString(), violation.getMessage()));
		return this;
	}

	public FieldErrors addAll(ValidationFailed failed) {
		Object errors = failed.properties().get("errors");
		if (errors instanceof List<?> list) {
			list.stream()
				.filter(ValidationFailed.FieldError.class::isInstance)
				.map(ValidationFailed.FieldError.class::cast)
				.forEach(error -> add(error.field(), error.message()));
		}
		return this;
	}

	public boolean isEmpty() {
		return byField.isEmpty();
	}

	/** For templates: {@code errors.map['name']}. */
	public Map<String, String> getMap() {
		return Map.copyOf(byField);
	}

}
