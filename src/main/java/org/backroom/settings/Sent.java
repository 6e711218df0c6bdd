package org.backroom.settings;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Bean Validation constraints on a setting as it was sent. The settings API takes each setting only in its own JSON
 * type (a number of days is not the text {@code "30"} nor {@code 30.0}, a flag is not {@code 1}), so these check the
 * JSON value itself rather than a leniently converted copy. A member left out ({@code null} here) is always valid:
 * it changes nothing.
 */
final class Sent {

	private Sent() {
	}

	/** {@code true} or {@code false}. */
	@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
	@Retention(RUNTIME)
	@Constraint(validatedBy = FlagCheck.class)
	@interface Flag {

		String message() default "must be true or false";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** A whole number from {@code min} to {@code max}; {@code null} too when {@code nullable} (a rule turned off). */
	@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
	@Retention(RUNTIME)
	@Constraint(validatedBy = WholeNumberCheck.class)
	@interface WholeNumber {

		int min();

		int max();

		boolean nullable() default false;

		String message();

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** Text that is one of {@code value} in upper case ({@code "Refuse"} is {@code REFUSE}). */
	@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
	@Retention(RUNTIME)
	@Constraint(validatedBy = OneOfCheck.class)
	@interface OneOf {

		String[] value();

		String message();

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** Text of at most {@code max} characters once stripped, and not blank unless {@code blank}. */
	@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
	@Retention(RUNTIME)
	@Constraint(validatedBy = TextCheck.class)
	@interface Text {

		int max();

		boolean blank() default true;

		String message();

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** The value in upper case, as {@link OneOf} compares and the settings store it. */
	static String upperCase(JsonNode value) {
		return value.asString("").toUpperCase(Locale.ROOT);
	}

	static final class FlagCheck implements ConstraintValidator<Flag, @Nullable JsonNode> {

		@Override
		public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
			return value == null || value.isBoolean();
		}

	}

	static final class WholeNumberCheck implements ConstraintValidator<WholeNumber, @Nullable JsonNode> {

		private int min;

		private int max;

		private boolean nullable;

		@Override
		public void initialize(WholeNumber constraint) {
			min = constraint.min();
			max = constraint.max();
			nullable = constraint.nullable();
		}

		@Override
		public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
			if (value == null || (nullable && value.isNull())) {
				return true;
			}
			return value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= min && value.asInt() <= max;
		}

	}

	static final class OneOfCheck implements ConstraintValidator<OneOf, @Nullable JsonNode> {

		private List<String> choices = List.of();

		@Override
		public void initialize(OneOf constraint) {
			choices = List.of(constraint.value());
		}

		@Override
		public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
			return value == null || choices.contains(upperCase(value));
		}

	}

	static final class TextCheck implements ConstraintValidator<Text, @Nullable JsonNode> {

		private int max;

		private boolean blank;

		@Override
		public void initialize(Text constraint) {
			max = constraint.max();
			blank = constraint.blank();
		}

		@Override
		public boolean isValid(@Nullable JsonNode value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String text = value.isString() ? value.asString().strip() : null;
			return text != null && text.length() <= max && (blank || !text.isEmpty());
		}

	}

}
