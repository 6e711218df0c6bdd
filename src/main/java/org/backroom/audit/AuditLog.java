package org.backroom.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the audit trail. Every query here has its index in V7__create_audit_log.sql or V25 (unsealed). */
@Repository
class AuditLog {

	private static final int EXPORT_FETCH_SIZE = 500;

	// Unchained: no lock, no read of the newest entry. The sub-select with clock_timestamp() is evaluated once, so
	// the stored time is the hashed time. AuditSealer chains the entry once it has committed.
	private static final String APPEND = """
			INSERT INTO audit_log (at, actor, action, record_kind, record_id, reason, changes, request_id, address,
			                       payload_hash)
			SELECT v.*, audit_payload_hash(v.at, v.actor, v.action, v.record_kind, v.record_id, v.reason, v.changes,
			                               v.request_id, v.address)
			FROM (SELECT clock_timestamp() AS at, CAST(:actor AS text) AS actor, CAST(:action AS text) AS action,
			             CAST(:recordKind AS text) AS record_kind, CAST(:recordId AS bigint) AS record_id,
			             CAST(:reason AS text) AS reason, CAST(:changes AS jsonb) AS changes,
			             CAST(:requestId AS text) AS request_id, CAST(:address AS text) AS address) AS v""";

	// Many entries in one statement, in the order given (ids follow the ordinality). Each is a JSON object of
	// action, recordKind, recordId, reason and changes; a JSON null of changes is stored as SQL NULL.
	private static final String APPEND_ALL = """
			INSERT INTO audit_log (at, actor, action, record_kind, record_id, reason, changes, request_id, address,
			                       payload_hash)
			SELECT v.at, v.actor, v.action, v.record_kind, v.record_id, v.reason, v.changes, v.request_id, v.address,
			       audit_payload_hash(v.at, v.actor, v.action, v.record_kind, v.record_id, v.reason, v.changes,
			                          v.request_id, v.address)
			FROM (SELECT clock_timestamp() AS at, CAST(:actor AS text) AS actor, e.entry ->> 'action' AS action,
			             e.entry ->> 'recordKind' AS record_kind, CAST(e.entry ->> 'recordId' AS bigint) AS record_id,
			             e.entry ->> 'reason' AS reason, nullif(e.entry -> 'changes', 'null'::jsonb) AS changes,
			             CAST(:requestId AS text) AS request_id, CAST(:address AS text) AS address, e.n
			      FROM jsonb_array_elements(CAST(:entries AS jsonb)) WITH ORDINALITY AS e(entry, n)) AS v
			ORDER BY v.n""";

	// One pass in seal order over the sealed entries: each must sit at the next position, its prev_hash must be
	// the hash of the link before it (a removed entry shows here), and its hash must be the chain of the two. Every
	// entry, sealed or not, must hash to its payload_hash unless erased.
	private static final String VERIFY = """
			WITH chain AS (
			    SELECT id, chain_seq, payload_hash, prev_hash, hash,
			           lag(hash) OVER (ORDER BY chain_seq) AS previous_hash,
			           lag(chain_seq, 1, 0::bigint) OVER (ORDER BY chain_seq) AS previous_seq,
			           erased OR payload_hash = audit_payload_hash(at, actor, action, record_kind, record_id,
			                                                       reason, changes, request_id, address) AS content_intact
			    FROM audit_log WHERE chain_seq IS NOT NULL),
			broken AS (
			    SELECT min(chain_seq) FILTER (WHERE NOT content_intact
			                                     OR chain_seq <> previous_seq + 1
			                                     OR prev_hash IS DISTINCT FROM previous_hash
			                                     OR hash <> sha256(coalesce(prev_hash, ''::bytea) || payload_hash))
			               AS seq,
			           count(*) AS sealed
			    FROM chain),
			unsealed AS (
			    SELECT count(*) AS entries, min(at) AS oldest,
			           min(id) FILTER (WHERE NOT erased AND payload_hash <> audit_payload_hash(at, actor, action,
			                          record_kind, record_id, reason, changes, request_id, address)) AS first_broken
			    FROM audit_log WHERE chain_seq IS NULL)
			SELECT b.sealed, u.entries AS unsealed, u.oldest AS oldest_unsealed,
			       coalesce((SELECT id FROM audit_log WHERE chain_seq = b.seq), u.first_broken) AS first_broken
			FROM broken b, unsealed u""";

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry about to be appended: its content, without the time and hashes the database adds. */
	record NewEntry(String actor, String action, @Nullable String recordKind, @Nullable Long recordId,
			@Nullable String reason, @Nullable String changes, @Nullable String requestId, @Nullable String address) {
	}

	/**
	 * Writes an entry, unchained, in the caller's transaction: it takes no lock and reads nothing, so auditing
	 * transactions never wait for each other. {@link AuditSealer} chains it after it commits.
	 */
	void append(NewEntry entry) {
		jdbc.sql(APPEND)
			.param("actor", entry.actor())
			.param("action", entry.action())
			.param("recordKind", entry.recordKind())
			.param("recordId", entry.recordId())
			.param("reason", entry.reason())
			.param("changes", entry.changes())
			.param("requestId", entry.requestId())
			.param("address", entry.address())
			.update();
	}

	/** Writes many entries of one actor and request in one statement; {@code entries} is their JSON array. */
	void appendAll(String actor, @Nullable String requestId, @Nullable String address, String entries) {
		jdbc.sql(APPEND_ALL)
			.param("actor", actor)
			.param("requestId", requestId)
			.param("address", address)
			.param("entries", entries)
			.update();
	}

	/** One page of entries after the cursor: newest first, or oldest first for a record's timeline. */
	List<AuditEntry> page(AuditFilter filter, @Nullable Cursor after, int rows, boolean oldestFirst) {
		Query query = pageQuery(filter, after, rows, oldestFirst);
		return jdbc.sql(query.sql()).params(query.params()).query(AuditEntry::from).list();
	}

	/** An SQL text and its parameters, built from a client's filters. */
	record Query(String sql, List<Object> params) {
	}

	static Query pageQuery(AuditFilter filter, @Nullable Cursor after, int rows, boolean oldestFirst) {
		StringBuilder sql = new StringBuilder("SELECT " + AuditEntry.COLUMNS + " FROM audit_log WHERE true");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		if (after != null) {
			sql.append(oldestFirst ? " AND id > ?" : " AND id < ?");
			params.add(after.id());
		}
		sql.append(oldestFirst ? " ORDER BY id" : " ORDER BY id DESC").append(" LIMIT ?");
		params.add(rows);
		return new Query(sql.toString(), params);
	}

	/**
	 * Hands every matching entry, oldest first, to the handler as it arrives: with a fetch size inside a
	 * transaction, PostgreSQL sends rows in batches, so memory stays flat however long the range.
	 */
	void stream(AuditFilter filter, RowCallbackHandler handler) {
		StringBuilder sql = new StringBuilder("SELECT " + AuditEntry.EXPORT_COLUMNS + " FROM audit_log WHERE true");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		sql.append(" ORDER BY id");
		jdbc.sql(sql.toString()).withFetchSize(EXPORT_FETCH_SIZE).params(params).query(handler);
	}

	/** Which erasure blanked how many entries: "erased by entry N" instead of "broken". */
	List<Verification.ErasedBy> erasures() {
		return jdbc.sql("""
				SELECT e.erased_by AS entry, eraser.action, count(*) AS erased
				FROM audit_log e JOIN audit_log eraser ON eraser.id = e.erased_by
				WHERE e.erased GROUP BY e.erased_by, eraser.action ORDER BY e.erased_by""")
			.query((rs, row) -> new Verification.ErasedBy(rs.getLong("entry"), rs.getString("action"),
					rs.getLong("erased")))
			.list();
	}

	Verification verify() {
		return jdbc.sql(VERIFY)
			.query((rs, row) -> {
				OffsetDateTime oldest = rs.getObject("oldest_unsealed", OffsetDateTime.class);
				long unsealed = rs.getLong("unsealed");
				return Verification.of(rs.getLong("sealed") + unsealed, rs.getObject("first_broken", Long.class),
						unsealed, oldest == null ? null : oldest.toInstant());
			})
			.single();
	}

}
