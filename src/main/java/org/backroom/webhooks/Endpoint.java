package org.backroom.webhooks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A registered webhook endpoint.
 *
 * @param eventTypes the event types it hears of; null for every type
 * @param secret what its deliveries are signed with; never shown after creation
 * @param active false while it is paused: nothing is fanned out to it, and its pending deliveries wait
 */
record Endpoint(long id, String url, @Nullable List<String> eventTypes, String secret, boolean active,
		@Nullable String description, Instant createdAt, String createdBy, Instant updatedAt) {

	/** Whether an event of this type goes to this endpoint. */
	boolean hears(String type) {
		return eventTypes == null || eventTypes.contains(type);
	}

}
