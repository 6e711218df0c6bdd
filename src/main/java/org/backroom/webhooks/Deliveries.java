package org.backroom.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code webhook_deliveries}: queueing, claiming, recording an attempt, and the log. */
@Repository
class Deliveries {

	/**
	 * Due, and not held back: an earlier event of the same record at the same endpoint that is still pending (in
	 * flight, or waiting for its retry) holds back the later ones, so that a record's events arrive in order. Rows
	 * another instance is claiming are skipped, and a claimed row is leased rather than locked through the HTTP
	 * call, so no transaction stays open while an endpoint takes its time. The candidates are read endpoint by
	 * endpoint over the active ones, each stopping at the limit in the index of pending deliveries by endpoint and
	 * due time (V64), so that what a paused endpoint has pending is never read; then the earliest due of them are
	 * locked, in that order, and only as many as are claimed (a row another instance took meanwhile is re-checked
	 * and dropped). When another instance holds some of the candidates, this poll claims fewer and the next one the
	 * rest.
	 */
	static final String CLAIM = """
			UPDATE webhook_deliveries d
			SET attempts = d.attempts + 1, next_attempt_at = now() + CAST(:lease AS interval), last_attempt_at = now()
			FROM webhook_endpoints e
			WHERE e.id = d.endpoint_id AND d.id IN (
			    SELECT due.id FROM webhook_deliveries due
			    WHERE due.id IN (
			        SELECT candidate.id FROM webhook_endpoints active
			        CROSS JOIN LATERAL (
			            SELECT c.id FROM webhook_deliveries c
			            WHERE c.endpoint_id = active.id AND c.status = 'PENDING' AND c.next_attempt_at <= now()
			              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries earlier
			                              WHERE earlier.endpoint_id = c.endpoint_id AND earlier.status = 'PENDING'
			                                AND earlier.record_kind = c.record_kind AND earlier.record_id = c.record_id
			                                AND (earlier.event_seq, earlier.id) < (c.event_seq, c.id))
			            ORDER BY c.next_attempt_at, c.id
			            LIMIT :limit) AS candidate
			        WHERE active.active)
			      AND due.status = 'PENDING' AND due.next_attempt_at <= now()
			    ORDER BY due.next_attempt_at, due.id
			    LIMIT :limit
			    FOR UPDATE OF due SKIP LOCKED)
			RETURNING d.id, d.event_id, d.attempts, d.give_up_at, e.url, e.secret""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Deliveries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A delivery claimed for one attempt, with where it goes. */
	record Claimed(long id, long eventId, int attempt, Instant giveUpAt, String url, String secret) {
	}

	/** Queues each event for each endpoint given; their order is the events' sequence. */
	int queue(List<Map.Entry<Long, StoredEvent>> endpointsAndEvents, String cause, Duration retryFor) {
		if (endpointsAndEvents.isEmpty()) {
			return 0;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		endpointsAndEvents.forEach(pair -> rows.add(Map.of("endpoint_id", pair.getKey(), "event_id",
				pair.getValue().id(), "event_seq", pair.getValue().sequence(), "event_type", pair.getValue().type(),
				"record_kind", pair.getValue().recordKind(), "record_id", pair.getValue().recordId())));
		return jdbc.sql("""
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, next_attempt_at, give_up_at)
				SELECT r.endpoint_id, r.event_id, r.event_seq, r.event_type, r.record_kind, r.record_id, :cause,
				       now(), now() + CAST(:retry AS interval)
				FROM jsonb_to_recordset(CAST(:rows AS jsonb))
				     AS r(endpoint_id bigint, event_id bigint, event_seq bigint, event_type text, record_kind text,
				          record_id bigint)""")
			.param("cause", cause)
			.param("retry", retryFor.toMillis() + " milliseconds")
			.param("rows", json.writeValueAsString(rows))
			.update();
	}

	/** Queues one event for one endpoint again; answers the new delivery's id. */
	long queueOne(long endpointId, StoredEvent event, String cause, Duration retryFor) {
		return jdbc.sql("""
				INSERT INTO webhook_deliveries (endpoint_id, event_id, event_seq, event_type, record_kind, record_id,
				                                cause, next_attempt_at, give_up_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, now(), now() + CAST(? AS interval))
				RETURNING id""")
			.params(endpointId, event.id(), event.sequence(), event.type(), event.recordKind(), event.recordId(), cause,
					retryFor.toMillis() + " milliseconds")
			.query(Long.class)
			.single();
	}

	List<Claimed> claim(int limit, Duration lease) {
		return jdbc.sql(CLAIM)
			.param("lease", lease.toMillis() + " milliseconds")
			.param("limit", limit)
			.query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("attempts"),
					rs.getObject("give_up_at", OffsetDateTime.class).toInstant(), rs.getString("url"),
					rs.getString("secret")))
			.list();
	}

	void delivered(long id, int code, int durationMs) {
		jdbc.sql("""
				UPDATE webhook_deliveries
				SET status = 'DELIVERED', next_attempt_at = NULL, delivered_at = now(), last_status_code = ?,
				    last_error = NULL, last_duration_ms = ?
				WHERE id = ? AND status = 'PENDING'""")
			.params(code, durationMs, id)
			.update();
	}

	/** Records a failed attempt: retried at {@code next}, or, with no next, given up as failed. */
	void attemptFailed(long id, @Nullable Integer code, String error, int durationMs, @Nullable Instant next) {
		jdbc.sql("""
				UPDATE webhook_deliveries
				SET status = CASE WHEN CAST(:next AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
				    next_attempt_at = CAST(:next AS timestamptz), last_status_code = :code, last_error = :error,
				    last_duration_ms = :duration
				WHERE id = :id AND status = 'PENDING'""")
			.param("next", next == null ? null : OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
			.param("code", code)
			.param("error", error.length() > 500 ? error.substring(0, 500) : error)
			.param("duration", durationMs)
			.param("id", id)
			.update();
	}

	Optional<Delivery> find(long endpointId, long id) {
		return jdbc.sql(Delivery.COLUMNS + " WHERE endpoint_id = ? AND id = ?")
			.params(endpointId, id)
			.query(Delivery::of)
			.optional();
	}

	/** One page of an endpoint's log, newest first, after the delivery id {@code before} (none: from the newest). */
	List<Delivery> log(long endpointId, @Nullable Long before, int rows) {
		return jdbc.sql(LOG).params(endpointId, before == null ? Long.MAX_VALUE : before, rows)
			.query(Delivery::of)
			.list();
	}

	/** The statement of {@link #log}: endpoint, the id the page ends before, rows. */
	static final String LOG = Delivery.COLUMNS + " WHERE endpoint_id = ? AND id < ? ORDER BY id DESC LIMIT ?";

	/** How far the fan-out has read the feed, locked for this transaction; empty while another instance has it. */
	Optional<Long> lockFanOut() {
		return jdbc.sql("SELECT last_seq FROM webhook_fanout FOR UPDATE SKIP LOCKED").query(Long.class).optional();
	}

	/**
	 * Waits for a fan-out round in progress to end and keeps the next from starting until this transaction ends:
	 * an endpoint that becomes active holds it, so that no round passes an event to everyone but the endpoint
	 * about to be there.
	 */
	void holdFanOut() {
		jdbc.sql("SELECT last_seq FROM webhook_fanout FOR UPDATE").query(Long.class).optional();
	}

	void fannedOutTo(long sequence) {
		jdbc.sql("UPDATE webhook_fanout SET last_seq = ?").param(sequence).update();
	}

}
