package org.backroom.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * A bulk clean-up (or erasure) as asked for: which kind, which action, and which records, by ids or by idleness.
 *
 * @param dormantSince customers only: active customers with no sale since this day
 * @param idleSince items only: active items neither sold nor purchased since this day
 * @param asOf the preview's {@code asOf}: a record with activity after it is skipped (default: when the job starts)
 * @param reason why; required to start a job, written to every record and audit entry
 */
record BulkRequest(@Nullable String recordKind, @Nullable String action, @Nullable List<Long> ids,
		@Nullable LocalDate dormantSince, @Nullable LocalDate idleSince, @Nullable Instant asOf,
		@Nullable String reason) {

	static final int MAX_IDS = 100_000;

	/** The request, checked: every problem at once, as a 422. */
	Target target() {
		List<FieldError> errors = problems();
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		Map<String, Object> criteria = new LinkedHashMap<>();
		LocalDate since = dormantSince != null ? dormantSince : idleSince;
		if (ids != null) {
			criteria.put("ids", ids.stream().distinct().sorted().toList());
		}
		else {
			criteria.put(dormantSince != null ? "dormantSince" : "idleSince", String.valueOf(since));
		}
		return new Target(String.valueOf(recordKind), BulkAction.requested(String.valueOf(action)),
				ids == null ? null : ids.stream().distinct().sorted().toList(), since, criteria);
	}

	/** Every problem of the request, none when it is valid. */
	private List<FieldError> problems() {
		List<FieldError> errors = new ArrayList<>();
		if (!"customer".equals(recordKind) && !"item".equals(recordKind)) {
			errors.add(new FieldError("recordKind", "must be customer or item"));
		}
		if (action == null || !List.of("deactivate", "delete", "erase").contains(action)) {
			errors.add(new FieldError("action", "must be deactivate, delete or erase"));
		}
		if ("erase".equals(action) && (!"customer".equals(recordKind) || ids == null)) {
			// Erasure in bulk is for customers named one by one, as the retention review proposes them.
			errors.add(new FieldError("action", "erase takes customers by their ids"));
		}
		int choices = (ids != null ? 1 : 0) + (dormantSince != null ? 1 : 0) + (idleSince != null ? 1 : 0);
		if (choices != 1) {
			errors.add(new FieldError("ids", "give exactly one of ids, dormantSince (customers) or idleSince (items)"));
		}
		if (dormantSince != null && !"customer".equals(recordKind)) {
			errors.add(new FieldError("dormantSince", "is for customers; use idleSince for items"));
		}
		if (idleSince != null && !"item".equals(recordKind)) {
			errors.add(new FieldError("idleSince", "is for items; use dormantSince for customers"));
		}
		if (ids != null && (ids.isEmpty() || ids.size() > MAX_IDS || ids.stream().anyMatch(id -> id == null || id < 1))) {
			errors.add(new FieldError("ids", "must hold 1 to " + MAX_IDS + " positive ids"));
		}
		return errors;
	}

	/** A checked request: {@code ids} or {@code since}, never both. */
	record Target(String recordKind, BulkAction action, @Nullable List<Long> ids, @Nullable LocalDate since,
			Map<String, Object> criteria) {
	}

}
