package org.backroom.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * What every record form does with a submission, written once: save it and go on, or show the form again with
 * each error beside its field and everything as it was typed.
 */
public final class FormSubmission {

	private FormSubmission() {
	}

	/**
	 * Saves when the form's own checks passed, then answers {@code saved}'s page; otherwise, or when the service
	 * refuses, answers {@code again}'s page with the errors and, for a refusal that names no field, its message.
	 */
	public static <R> String submit(FieldErrors errors, Supplier<R> save, Function<R, String> saved,
			BiFunction<FieldErrors, @Nullable String, String> again, HttpServletResponse response) {
		if (errors.isEmpty()) {
			try {
				return saved.apply(save.get());
			}
			catch (ValidationFailed failed) {
				errors.addAll(failed);
			}
			catch (Refusal refusal) {
				response.setStatus(refusal.status().value());
				return again.apply(errors, refusal.getMessage());
			}
		}
		response.setStatus(422);
		return again.apply(errors, null);
	}

	/** The version the form was read at; an unreadable one is as stale as can be (a 412 on save). */
	public static long version(Map<String, String> values) {
		try {
			return Long.parseLong(values.getOrDefault("version", "").strip());
		}
		catch (NumberFormatException ex) {
			return Long.MIN_VALUE;
		}
	}

	/** The fields of a form as they are shown again: exactly as typed, blank where nothing came. */
	public static Map<String, String> shown(String[] fields, Map<String, String> values) {
		Map<String, String> shown = new HashMap<>();
		for (String field : fields) {
			shown.put(field, values.getOrDefault(field, ""));
		}
		return shown;
	}

	public static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

}
