package org.backroom.lifecycle;

import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** Why a transition is made: required, written to the record and the audit trail. */
public record Reason(@Nullable String reason) {

	static final int MAX_LENGTH = 500;

	/** The trimmed reason, or a validation problem when it is missing or too long. */
	public static String require(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw ValidationFailed.of("reason", "is required: say why");
		}
		String trimmed = reason.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw ValidationFailed.of("reason", "must be at most " + MAX_LENGTH + " characters");
		}
		return trimmed;
	}

}
