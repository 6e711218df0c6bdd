package org.backroom.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events in commit order, for whatever sends them out (webhooks, a message broker): a reader keeps the last
 * sequence it has handled and asks for what comes after it. Events not yet sequenced are not offered; they will be,
 * after every event offered so far.
 */
@Service
public class EventFeed {

	private static final String COLUMNS = """
			SELECT id, seq, type, record_kind, record_id, at,
			       (jsonb_build_object('eventId', id, 'sequence', seq, 'type', type, 'version', version,
			                           'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
			        || payload)::text AS document
			FROM events""";

	private final JdbcClient jdbc;

	private final EventSequencer sequencer;

	EventFeed(JdbcClient jdbc, EventSequencer sequencer) {
		this.jdbc = jdbc;
		this.sequencer = sequencer;
	}

	/** Up to {@code limit} events after the given sequence (0 for the first), in sequence order. */
	@Transactional(readOnly = true)
	public List<StoredEvent> after(long sequence, int limit) {
		return jdbc.sql(COLUMNS + " WHERE seq > ? ORDER BY seq LIMIT ?").params(sequence, limit).query(this::event)
			.list();
	}

	/**
	 * The sequence of the newest event sequenced so far, 0 when there is none: where a reader that has no use for
	 * what the feed holds now goes on from. One step down the unique index on the sequence.
	 */
	@Transactional(readOnly = true)
	public long newest() {
		return jdbc.sql(NEWEST).query(Long.class).single();
	}

	static final String NEWEST = "SELECT coalesce(max(seq), 0) FROM events";

	/** One event by its id, once it is sequenced. */
	@Transactional(readOnly = true)
	public Optional<StoredEvent> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ? AND seq IS NOT NULL").param(id).query(this::event).optional();
	}

	/** The sequence of the first event made at or after a time, for replaying from then; empty if none is. */
	@Transactional(readOnly = true)
	public Optional<Long> firstSince(Instant at) {
		return jdbc.sql("SELECT min(seq) FROM events WHERE at >= ? AND seq IS NOT NULL")
			.param(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query(Long.class)
			.optional();
	}

	/** Every event type there is ({@code CustomerDeactivated}, …), sorted: what a subscriber may choose from. */
	public SortedSet<String> types() {
		return EventTypes.all();
	}

	/** Sequences what has committed now, rather than at the sequencer's next round (for tests and replays). */
	public void sequenceNow() {
		sequencer.sequenceNow();
	}

	private StoredEvent event(ResultSet rs, int row) throws SQLException {
		return new StoredEvent(rs.getLong("id"), rs.getLong("seq"), rs.getString("type"), rs.getString("record_kind"),
				rs.getLong("record_id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("document"));
	}

}
