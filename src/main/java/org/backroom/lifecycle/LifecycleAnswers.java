package org.backroom.lifecycle;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of the lifecycle endpoints' answers, for the API description only: those endpoints answer the record of
 * whichever kind the path names, so the description gives what every kind's record has in common.
 */
final class LifecycleAnswers {

	private LifecycleAnswers() {
	}

	@Schema(name = "LifecycleRecord", description = "The record after the transition, as its own API answers it (a "
			+ "Customer, Item, Supplier or Staff): these members are common to every kind, the others are the kind's")
	record LifecycleRecord(long id, LifecycleStatus status, @Nullable String statusReason,
			@Nullable Instant statusChangedAt, Instant createdAt, Instant updatedAt, long version) {
	}

	@Schema(name = "DeleteOutcome", description = "What a delete did: DELETED to the trash, or DEACTIVATED instead "
			+ "when the record is referenced and the store's setting says so")
	record DeleteOutcome(@Schema(allowableValues = { "DELETED", "DEACTIVATED" }) String outcome, String detail,
			LifecycleRecord record) {
	}

	@Schema(name = "PurgeOutcome", description = "A record purged from the trash for good")
	record PurgeOutcome(@Schema(allowableValues = "PURGED") String outcome, String recordKind, long recordId,
			String detail) {
	}

}
