package org.backroom.erasure;

import java.time.Instant;

import org.backroom.lifecycle.LifecycleStatus;
import org.jspecify.annotations.Nullable;

/**
 * A customer or staff member as erasure sees them, read with the row locked.
 *
 * @param code the customer's code, or the staff member's user name
 * @param label how people know them: {@code Ann Lee (C000012)}
 */
record Person(long id, String code, String label, LifecycleStatus status, boolean system,
		@Nullable String holdReason, @Nullable Instant holdSince) {

	boolean onHold() {
		return holdReason != null;
	}

}
