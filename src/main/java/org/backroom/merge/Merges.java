package org.backroom.merge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.time.ZoneOffset;

import org.backroom.platform.RecordRows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of this feature's own tables, one pair per kind: {@code customer_merges} and
 * {@code customer_duplicate_dismissals} (V50), those of items and suppliers (V54).
 */
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

	private static String select(MergeKind kind) {
		return """
				SELECT id, request_id, survivor_id, duplicate_id, status, fields::text AS fields, reason, requested_by,
				       duplicate_before::text AS duplicate_before, survivor_before::text AS survivor_before,
				       survivor_after::text AS survivor_after, balance_moved, merged_at
				FROM\s""" + merges(kind);
	}

	private static String merges(MergeKind kind) {
		return kind.name() + "_merges";
	}

	long waiting(MergeKind kind, long survivorId, long duplicateId, String fieldsJson, String reason, String requestedBy) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO %s (survivor_id, duplicate_id, status, fields, reason, requested_by)
				VALUES (?, ?, 'PENDING_APPROVAL', ?::jsonb, ?, ?)""".formatted(merges(kind)))
			.params(survivorId, duplicateId, fieldsJson, reason, requestedBy)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void joinRequest(MergeKind kind, List<Long> ids, long requestId) {
		jdbc.sql("UPDATE " + merges(kind) + " SET request_id = ? WHERE id = ANY(?::bigint[])")
			.params(requestId, ids.toArray(new Long[0]))
			.update();
	}

	List<Merge> ofRequest(MergeKind kind, long requestId) {
		return jdbc.sql(select(kind) + " WHERE request_id = ? AND status = 'PENDING_APPROVAL' ORDER BY duplicate_id FOR UPDATE")
			.param(requestId)
			.query(RecordRows.of(Merge.class))
			.list();
	}

	void rejectRequest(MergeKind kind, long requestId) {
		jdbc.sql("UPDATE " + merges(kind) + " SET status = 'REJECTED' WHERE request_id = ? AND status = 'PENDING_APPROVAL'")
			.param(requestId)
			.update();
	}

	/** Records a merge as done (a new row, or one that waited for approval). */
	void done(MergeKind kind, @Nullable Long waitingId, long survivorId, long duplicateId, String fieldsJson, String reason,
			String requestedBy, String duplicateBefore, String survivorBefore, String survivorAfter,
			BigDecimal moved) {
		if (waitingId != null) {
			jdbc.sql("DELETE FROM " + merges(kind) + " WHERE id = ?").param(waitingId).update();
		}
		jdbc.sql("""
				INSERT INTO %s (request_id, survivor_id, duplicate_id, status, fields, reason, requested_by,
				    merged_at, duplicate_before, survivor_before, survivor_after, balance_moved)
				VALUES (?, ?, ?, 'DONE', ?::jsonb, ?, ?, now(), ?::jsonb, ?::jsonb, ?::jsonb, ?)""".formatted(merges(kind)))
			.params(waitingId, survivorId, duplicateId, fieldsJson, reason, requestedBy, duplicateBefore,
					survivorBefore, survivorAfter, moved)
			.update();
	}

	/** The merge that made this customer MERGED. */
	Optional<Merge> doneOf(MergeKind kind, long duplicateId) {
		return jdbc.sql(select(kind) + " WHERE duplicate_id = ? AND status = 'DONE' ORDER BY id DESC LIMIT 1")
			.param(duplicateId)
			.query(RecordRows.of(Merge.class))
			.optional();
	}

	/** Merges into the same survivor after this one: they must be undone first. */
	List<Merge> laterInto(MergeKind kind, long survivorId, long mergeId) {
		return jdbc.sql(select(kind) + " WHERE survivor_id = ? AND status = 'DONE' AND id > ? ORDER BY id")
			.params(survivorId, mergeId)
			.query(RecordRows.of(Merge.class))
			.list();
	}

	void remove(MergeKind kind, long mergeId) {
		jdbc.sql("DELETE FROM " + merges(kind) + " WHERE id = ?").param(mergeId).update();
	}

	/** Sales on this customer since a moment, and those of them on credit: read, never written, here. */
	long[] salesSince(long customerId, Instant since) {
		return jdbc.sql("""
				SELECT count(*) AS sales, count(*) FILTER (WHERE payment = 'CREDIT') AS credit
				FROM sales_orders WHERE customer_id = ? AND created_at >= ?""")
			.params(customerId, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query((rs, row) -> new long[] { rs.getLong("sales"), rs.getLong("credit") })
			.single();
	}

	/** How many orders name this customer, for the preview. */
	long orders(long customerId) {
		return jdbc.sql("SELECT count(*) FROM sales_orders WHERE customer_id = ?").param(customerId)
			.query(Long.class).single();
	}

	/** How many sales and purchase orders have a line of this item, for the preview. */
	long itemOrders(long itemId) {
		return jdbc.sql("""
				SELECT (SELECT count(DISTINCT order_id) FROM sales_order_lines WHERE item_id = ?)
				     + (SELECT count(DISTINCT order_id) FROM purchase_order_lines WHERE item_id = ?)""")
			.params(itemId, itemId).query(Long.class).single();
	}

	/** How many purchase orders name this supplier, for the preview. */
	long supplierOrders(long supplierId) {
		return jdbc.sql("SELECT count(*) FROM purchase_orders WHERE supplier_id = ?").param(supplierId)
			.query(Long.class).single();
	}

	/** Marks a pair "not a duplicate"; false when it already was. */
	boolean dismiss(MergeKind kind, long low, long high, String reason, String by) {
		return jdbc.sql("""
				INSERT INTO %s_duplicate_dismissals (low_id, high_id, reason, dismissed_by) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""".formatted(kind.name())).params(low, high, reason, by).update() == 1;
	}

}
