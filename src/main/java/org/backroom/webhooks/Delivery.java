package org.backroom.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to one endpoint, as its log shows it.
 *
 * @param cause {@code event} (as it happened), {@code redeliver} or {@code replay}
 * @param status {@code PENDING} (waiting, retrying or in flight), {@code DELIVERED} or {@code FAILED} (gave up)
 * @param responseCode the HTTP status of the last attempt's answer; null when there was none (timeout, refused)
 * @param error what went wrong in the last attempt; null after a delivery
 * @param durationMs how long the last attempt took
 */
@Schema(name = "WebhookDelivery", description = "One event's delivery to one endpoint, as its log shows it")
record Delivery(long id, long endpointId, long eventId, long sequence, String eventType, String recordKind,
		long recordId, String cause, String status, int attempts, @Nullable Instant nextAttemptAt, Instant giveUpAt,
		Instant createdAt, @Nullable Instant lastAttemptAt, @Nullable Instant deliveredAt,
		@Nullable Integer responseCode, @Nullable String error, @Nullable Integer durationMs) {

	static final String COLUMNS = """
			SELECT id, endpoint_id, event_id, event_seq, event_type, record_kind, record_id, cause, status, attempts,
			       next_attempt_at, give_up_at, created_at, last_attempt_at, delivered_at, last_status_code,
			       last_error, last_duration_ms
			FROM webhook_deliveries""";

	static Delivery of(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("event_id"),
				rs.getLong("event_seq"), rs.getString("event_type"), rs.getString("record_kind"),
				rs.getLong("record_id"), rs.getString("cause"), rs.getString("status"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), rs.getObject("give_up_at", OffsetDateTime.class).toInstant(),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "last_attempt_at"),
				instant(rs, "delivered_at"), rs.getObject("last_status_code", Integer.class),
				rs.getString("last_error"), rs.getObject("last_duration_ms", Integer.class));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
