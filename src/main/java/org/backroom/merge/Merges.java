package org.backroom.merge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of this feature's own tables: customer_merges and customer_duplicate_dismissals (V50). */
@Repository
class Merges {

	private final JdbcClient jdbc;

	Merges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A merge of one duplicate: waiting for approval, or done with what both rows were before. */
	record Merge(long id, @Nullable Long requestId, long survivorId, long duplicateId, String status, String fields,
			String reason, String requestedBy, @Nullable String duplicateBefore, @Nullable String survivorBefore,
			@Nullable String survivorAfter, @Nullable BigDecimal balanceMoved, @Nullable OffsetDateTime mergedAt) {

		Instant mergedInstant() {
			return mergedAt == null ? Instant.EPOCH : mergedAt.toInstant();
		}

	}

	private static final String SELECT = """
			SELECT id, request_id, survivor_id, duplicate_id, status, fields::text AS fields, reason, requested_by,
			       duplicate_before::text AS duplicate_before, survivor_before::text AS survivor_before,
			       survivor_after::text AS survivor_after, balance_moved, merged_at
			FROM customer_merges""";

	long waiting(long survivorId, long duplicateId, String fieldsJson, String reason, String requestedBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO customer_merges (survivor_id, duplicate_id, status, fields, reason, requested_by)
				VALUES (?, ?, 'PENDING_APPROVAL', ?::jsonb, ?, ?)""")
			.params(survivorId, duplicateId, fieldsJson, reason, requestedBy)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void joinRequest(List<Long> ids, long requestId) {
		jdbc.sql("UPDATE customer_merges SET request_id = ? WHERE id = ANY(?::bigint[])")
			.params(requestId, ids.toArray(new Long[0]))
			.update();
	}

	List<Merge> ofRequest(long requestId) {
		return jdbc.sql(SELECT + " WHERE request_id = ? AND status = 'PENDING_APPROVAL' ORDER BY duplicate_id FOR UPDATE")
			.param(requestId)
			.query(Merge.class)
			.list();
	}

	void rejectRequest(long requestId) {
		jdbc.sql("UPDATE customer_merges SET status = 'REJECTED' WHERE request_id = ? AND status = 'PENDING_APPROVAL'")
			.param(requestId)
			.update();
	}

	/** Records a merge as done (a new row, or one that waited for approval). */
	void done(@Nullable Long waitingId, long survivorId, long duplicateId, String fieldsJson, String reason,
			String requestedBy, String duplicateBefore, String survivorBefore, String survivorAfter,
			BigDecimal moved) {
		if (waitingId != null) {
			jdbc.sql("DELETE FROM customer_merges WHERE id = ?").param(waitingId).update();
		}
		jdbc.sql("""
				INSERT INTO customer_merges (request_id, survivor_id, duplicate_id, status, fields, reason, requested_by,
				    merged_at, duplicate_before, survivor_before, survivor_after, balance_moved)
				VALUES (?, ?, ?, 'DONE', ?::jsonb, ?, ?, now(), ?::jsonb, ?::jsonb, ?::jsonb, ?)""")
			.params(waitingId, survivorId, duplicateId, fieldsJson, reason, requestedBy, duplicateBefore,
					survivorBefore, survivorAfter, moved)
			.update();
	}

	/** The merge that made this customer MERGED. */
	Optional<Merge> doneOf(long duplicateId) {
		return jdbc.sql(SELECT + " WHERE duplicate_id = ? AND status = 'DONE' ORDER BY id DESC LIMIT 1")
			.param(duplicateId)
			.query(Merge.class)
			.optional();
	}

	/** Merges into the same survivor after this one: they must be undone first. */
	List<Merge> laterInto(long survivorId, long mergeId) {
		return jdbc.sql(SELECT + " WHERE survivor_id = ? AND status = 'DONE' AND id > ? ORDER BY id")
			.params(survivorId, mergeId)
			.query(Merge.class)
			.list();
	}

	void remove(long mergeId) {
		jdbc.sql("DELETE FROM customer_merges WHERE id = ?").param(mergeId).update();
	}

	/** Sales on this customer since a moment, and those of them on credit: read, never written, here. */
	long[] salesSince(long customerId, Instant since) {
		return jdbc.sql("""
				SELECT count(*) AS sales, count(*) FILTER (WHERE payment = 'CREDIT') AS credit
				FROM sales_orders WHERE customer_id = ? AND created_at >= ?""")
			.params(customerId, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
			.query((rs, row) -> new long[] { rs.getLong("sales"), rs.getLong("credit") })
			.single();
	}

	/** How many orders name this customer, for the preview. */
	long orders(long customerId) {
		return jdbc.sql("SELECT count(*) FROM sales_orders WHERE customer_id = ?").param(customerId)
			.query(Long.class).single();
	}

	/** Marks a pair "not a duplicate"; false when it already was. */
	boolean dismiss(long low, long high, String reason, String by) {
		return jdbc.sql("""
				INSERT INTO customer_duplicate_dismissals (low_id, high_id, reason, dismissed_by) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(low, high, reason, by).update() == 1;
	}

}
