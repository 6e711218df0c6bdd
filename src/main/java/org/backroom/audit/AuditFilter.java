package org.backroom.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Which entries a query or an export wants. Each filter is an exact match served by its own index;
 * {@code from} is inclusive and {@code to} exclusive.
 */
record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String recordKind,
		@Nullable Long recordId, @Nullable Instant from, @Nullable Instant to) {

	static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

	/**
	 * The filters as a client sent them; times are ISO-8601 instants ({@code 2025-03-01T09:00:00Z}, or with an
	 * offset) or dates, which mean midnight UTC. Anything else is a 422 naming each bad field.
	 */
	static AuditFilter parse(@Nullable String actor, @Nullable String action, @Nullable String recordKind,
			@Nullable Long recordId, @Nullable String from, @Nullable String to) {
		List<FieldError> errors = new ArrayList<>();
		Instant start = time("from", from, errors);
		Instant end = time("to", to, errors);
		if (start != null && end != null && !start.isBefore(end)) {
			errors.add(new FieldError("to", "must be after from"));
		}
		if (recordId != null && blank(recordKind)) {
			errors.add(new FieldError("recordKind", "is required with recordId, such as customer"));
		}
		// Refused here, not by the database: the export has chosen CSV before its query runs.
		noNul("actor", actor, errors);
		noNul("action", action, errors);
		noNul("recordKind", recordKind, errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		return new AuditFilter(orNull(actor), orNull(action), orNull(recordKind), recordId, start, end);
	}

	private static void noNul(String field, @Nullable String value, List<FieldError> errors) {
		if (value != null && value.indexOf('\u0000') >= 0) {
			errors.add(new FieldError(field, "holds a NUL character, which no entry can hold"));
		}
	}

	/** Appends this filter's conditions to a query that already has a {@code WHERE}. */
	void appendTo(StringBuilder sql, List<Object> params) {
		condition(sql, params, "actor = ?", actor);
		condition(sql, params, "action = ?", action);
		condition(sql, params, "record_kind = ?", recordKind);
		condition(sql, params, "record_id = ?", recordId);
		condition(sql, params, "at >= ?", from == null ? null : from.atOffset(ZoneOffset.UTC));
		condition(sql, params, "at < ?", to == null ? null : to.atOffset(ZoneOffset.UTC));
	}

	private static void condition(StringBuilder sql, List<Object> params, String condition, @Nullable Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			params.add(value);
		}
	}

	private static @Nullable Instant time(String field, @Nullable String text, List<FieldError> errors) {
		if (blank(text)) {
			return null;
		}
		String value = text.strip();
		try {
			return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "'" + value + "' is not a date (2025-03-01) or an instant "
					+ "(2025-03-01T09:00:00Z)"));
			return null;
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static @Nullable String orNull(@Nullable String text) {
		return blank(text) ? null : text.strip();
	}

}
