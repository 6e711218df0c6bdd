package org.backroom.audit;

import java.util.ArrayList;
import java.util.List;

import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the audit trail. Every query here has its index in V7__create_audit_log.sql. */
@Repository
class AuditLog {

	/** The advisory lock that serializes appends: "BACKROOM" in ASCII, so nobody picks it by chance. */
	private static final long CHAIN_LOCK = 0x4241434B524F4F4DL;

	private static final int EXPORT_FETCH_SIZE = 500;

	// The time is taken after the chain lock, so that entries are in time order as well as in id order. The
	// sub-select with clock_timestamp() is evaluated once: the stored time is the hashed time.
	private static final String APPEND = """
			INSERT INTO audit_log (at, actor, action, record_kind, record_id, reason, changes, request_id, address,
			                       payload_hash, prev_hash, hash)
			SELECT e.at, e.actor, e.action, e.record_kind, e.record_id, e.reason, e.changes, e.request_id, e.address,
			       e.payload_hash, last.hash, sha256(coalesce(last.hash, ''::bytea) || e.payload_hash)
			FROM (SELECT v.*, audit_payload_hash(v.at, v.actor, v.action, v.record_kind, v.record_id, v.reason,
			                                     v.changes, v.request_id, v.address) AS payload_hash
			      FROM (SELECT clock_timestamp() AS at, CAST(:actor AS text) AS actor, CAST(:action AS text) AS action,
			                   CAST(:recordKind AS text) AS record_kind, CAST(:recordId AS bigint) AS record_id,
			                   CAST(:reason AS text) AS reason, CAST(:changes AS jsonb) AS changes,
			                   CAST(:requestId AS text) AS request_id, CAST(:address AS text) AS address) AS v) AS e
			LEFT JOIN (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS last ON true""";

	// One pass in id order: each entry's content must hash to its payload_hash (unless erased), its prev_hash must
	// be the hash of the entry before it (a removed entry shows here), and its hash must be the chain of the two.
	private static final String VERIFY = """
			WITH chain AS (
			    SELECT id, payload_hash, prev_hash, hash, lag(hash) OVER (ORDER BY id) AS previous_hash,
			           erased OR payload_hash = audit_payload_hash(at, actor, action, record_kind, record_id,
			                                                       reason, changes, request_id, address) AS content_intact
			    FROM audit_log)
			SELECT count(*) AS entries,
			       min(id) FILTER (WHERE NOT content_intact
			                          OR prev_hash IS DISTINCT FROM previous_hash
			                          OR hash <> sha256(coalesce(prev_hash, ''::bytea) || payload_hash)) AS first_broken
			FROM chain""";

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry about to be appended: its content, without the time and hashes the database adds. */
	record NewEntry(String actor, String action, @Nullable String recordKind, @Nullable Long recordId,
			@Nullable String reason, @Nullable String changes, @Nullable String requestId, @Nullable String address) {
	}

	/**
	 * Appends an entry to the chain, in the caller's transaction.
	 *
	 * <p>Why a lock: two transactions appending at once would both read the same newest entry and fork the chain.
	 * A transaction-scoped advisory lock lets one append at a time; the next waits until the first commits or
	 * rolls back, then reads the newest entry afresh (its own statement, so a new snapshot under READ COMMITTED).
	 * The cost: auditing transactions serialize from their append to their commit, so an append should be the last
	 * write of its transaction. For a store's back office that is a few milliseconds per change; a busier system
	 * would chain in a single background writer instead.
	 */
	void append(NewEntry entry) {
		lockChain();
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

	// Many entries in one statement, chained in their order: one time for all (taken after the chain lock), each
	// payload hashed as APPEND does, then a recursive pass that links each hash to the one before it (the array of
	// hashes MATERIALIZED once: inlined, it would be aggregated again at every step). The identity ids are drawn as
	// the sorted rows are inserted, so id order is chain order.
	private static final String APPEND_ALL = """
			WITH RECURSIVE
			stamp AS (SELECT clock_timestamp() AS at),
			input AS (
			    SELECT e.n, s.at, CAST(:actor AS text) AS actor, e.v ->> 'action' AS action,
			           e.v ->> 'recordKind' AS record_kind, CAST(e.v ->> 'recordId' AS bigint) AS record_id,
			           e.v ->> 'reason' AS reason, nullif(e.v -> 'changes', 'null'::jsonb) AS changes,
			           CAST(:requestId AS text) AS request_id, CAST(:address AS text) AS address
			    FROM jsonb_array_elements(CAST(:entries AS jsonb)) WITH ORDINALITY AS e(v, n), stamp s),
			hashed AS (
			    SELECT i.*, audit_payload_hash(i.at, i.actor, i.action, i.record_kind, i.record_id, i.reason,
			                                   i.changes, i.request_id, i.address) AS payload_hash
			    FROM input i),
			hashes AS MATERIALIZED (SELECT array_agg(payload_hash ORDER BY n) AS p FROM hashed),
			chain (n, prev_hash, hash) AS (
			    SELECT CAST(0 AS bigint), CAST(NULL AS bytea), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)
			    UNION ALL
			    SELECT c.n + 1, c.hash, sha256(coalesce(c.hash, ''::bytea) || h.p[c.n + 1])
			    FROM chain c, hashes h WHERE c.n < cardinality(h.p))
			INSERT INTO audit_log (at, actor, action, record_kind, record_id, reason, changes, request_id, address,
			                       payload_hash, prev_hash, hash)
			SELECT e.at, e.actor, e.action, e.record_kind, e.record_id, e.reason, e.changes, e.request_id, e.address,
			       e.payload_hash, c.prev_hash, c.hash
			FROM hashed e JOIN chain c ON c.n = e.n
			ORDER BY e.n""";

	/**
	 * Appends entries of one origin to the chain in their order, in one statement, under the same lock as
	 * {@link #append}.
	 *
	 * @param entries a JSON array of {@code {"action", "recordKind", "recordId", "reason", "changes"}}
	 */
	void appendAll(String actor, @Nullable String requestId, @Nullable String address, String entries) {
		lockChain();
		jdbc.sql(APPEND_ALL)
			.param("actor", actor)
			.param("requestId", requestId)
			.param("address", address)
			.param("entries", entries)
			.update();
	}

	private void lockChain() {
		String isolation = jdbc.sql("SELECT current_setting('transaction_isolation') FROM pg_advisory_xact_lock(?)")
			.param(CHAIN_LOCK)
			.query(String.class)
			.single();
		if (!"read committed".equals(isolation)) {
			// A snapshot older than the lock would not see the entry committed just before, and fork the chain.
			throw new IllegalStateException("Audit entries are appended under READ COMMITTED, not " + isolation);
		}
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
		StringBuilder sql = new StringBuilder("SELECT " + AuditEntry.COLUMNS + " FROM audit_log WHERE true");
		List<Object> params = new ArrayList<>();
		filter.appendTo(sql, params);
		sql.append(" ORDER BY id");
		jdbc.sql(sql.toString()).withFetchSize(EXPORT_FETCH_SIZE).params(params).query(handler);
	}

	Verification verify() {
		return jdbc.sql(VERIFY)
			.query((rs, row) -> Verification.of(rs.getLong("entries"), rs.getObject("first_broken", Long.class)))
			.single();
	}

}
