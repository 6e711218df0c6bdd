package org.backroom.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Input that is well-formed but not acceptable; lists every field that is wrong. */
public final class ValidationFailed extends Refusal {

	/** One field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

	public ValidationFailed(List<FieldError> errors) {
		super("validation", HttpStatus.UNPROCESSABLE_CONTENT, "Some fields are not valid", describe(errors));
		with("errors", List.copyOf(errors));
	}

	public static ValidationFailed of(String field, String message) {
		return new ValidationFailed(List.of(new FieldError(field, message)));
	}

	private static String describe(List<FieldError> errors) {
		return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are not valid";
	}

}
