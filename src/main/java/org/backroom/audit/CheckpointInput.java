package org.backroom.audit;

import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** A checkpoint as a client gives it to verify against: its JSON in {@code since}, or its four fields. */
final class CheckpointInput {

	private CheckpointInput() {
	}

	/** The checkpoint given, or null for none; a malformed one is a 422 naming what is wrong. */
	static @Nullable Checkpoint of(@Nullable String since, @Nullable Long entries, @Nullable String head,
			@Nullable String at, @Nullable String signature) {
		if (since != null && !since.isBlank()) {
			try {
				return Checkpoint.parse(since);
			}
			catch (IllegalArgumentException ex) {
				throw ValidationFailed.of("since", ex.getMessage() + "; give the JSON that /api/audit/checkpoint answered");
			}
		}
		if (entries == null && head == null && at == null && signature == null) {
			return null;
		}
		if (entries == null || entries < 0 || head == null || !head.matches("[0-9a-f]*") || at == null
				|| signature == null) {
			throw ValidationFailed.of("since", "a checkpoint needs entries, head (hex), at and signature");
		}
		return new Checkpoint(entries, head, at, signature);
	}

}
