package org.backroom.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * What every page form does with a bound submission: save it when binding and Bean Validation found nothing wrong,
 * or put the service's own refusal into the same {@link BindingResult}, beside the field it names or above the
 * form, so that the page is shown again with everything as it was typed.
 */
@Component
public final class BoundForms {

	private final SpringValidatorAdapter validator;

	private final MessageSource messages;

	BoundForms(Validator validator, MessageSource messages) {
		this.validator = new SpringValidatorAdapter(validator);
		this.messages = messages;
	}

	/**
	 * Each field's messages, resolved as {@code th:errors} would and joined, for pages whose inputs are not bound
	 * with {@code th:field} (filters, matrices) and look their error up by name.
	 */
	public Map<String, String> byField(BindingResult result) {
		Map<String, String> byField = new LinkedHashMap<>();
		result.getFieldErrors()
			.forEach(error -> byField.merge(error.getField(),
					messages.getMessage(error, LocaleContextHolder.getLocale()), (a, b) -> a + "; " + b));
		return byField;
	}

	/**
	 * Records each field error of a {@code validation} refusal under the name the service gave it, even where the
	 * form has no such property (nested names such as {@code trash.retentionDays}); see {@link #byField}.
	 */
	public static void rejectNamed(BindingResult result, ValidationFailed failed) {
		if (failed.properties().get("errors") instanceof List<?> errors) {
			errors.stream()
				.filter(ValidationFailed.FieldError.class::isInstance)
				.map(ValidationFailed.FieldError.class::cast)
				.forEach(error -> result.addError(new FieldError(result.getObjectName(), error.field(), error.message())));
		}
	}

	/**
	 * The saved record, or nothing when the form is to be shown again: its errors are then in {@code result} and
	 * the answer's status says why (422 for fields, the refusal's own status otherwise).
	 */
	public <R> Optional<R> save(Object form, BindingResult result, Supplier<R> save, HttpServletResponse response) {
		// Spring validates nothing once a field could not be converted; the rest is checked here, so that every
		// mistake of a submission shows at once (a field that failed to convert is not also reported as missing).
		if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
			validator.validate(form, result);
		}
		if (!result.hasErrors()) {
			try {
				return Optional.of(save.get());
			}
			catch (Refusal refusal) {
				reject(result, refusal);
				response.setStatus(refusal.status().value());
				return Optional.empty();
			}
		}
		response.setStatus(422);
		return Optional.empty();
	}

	/**
	 * Records a refusal in the form's result: each field error of a {@code validation} problem beside its field
	 * (or above the form when the form has no such field), any other refusal above the form.
	 */
	public static void reject(BindingResult result, Refusal refusal) {
		if (refusal.properties().get("errors") instanceof List<?> errors) {
			errors.stream()
				.filter(ValidationFailed.FieldError.class::isInstance)
				.map(ValidationFailed.FieldError.class::cast)
				.forEach(error -> rejectField(result, error.field(), error.message()));
		}
		else {
			result.reject(refusal.slug(), refusal.getMessage());
		}
	}

	/** A field error that keeps what was typed in the field, so the page shows it again unchanged. */
	public static void rejectField(BindingResult result, String field, String message) {
		if (result.getFieldType(field) == null) {
			result.reject("validation", field + ": " + message);
			return;
		}
		result.addError(new FieldError(result.getObjectName(), field, result.getFieldValue(field), false, null,
				null, message));
	}

}
