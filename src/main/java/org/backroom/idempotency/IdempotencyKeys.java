package org.backroom.idempotency;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of idempotency keys; the table and its index are in V13__create_idempotency_keys.sql. */
@Repository
class IdempotencyKeys {

	private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
	};

	private static final int CLEANUP_BATCH = 5_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A key someone already used: the hash of the request it came with, and the answer that request got. */
	record Used(byte[] requestHash, StoredAnswer answer) {
	}

	/**
	 * Claims the key for this request in the caller's transaction: empty when the claim is ours, or the earlier use.
	 * While another transaction holds an uncommitted claim on the key, PostgreSQL makes this insert wait for it to
	 * end (then it either finds the committed answer, or claims a key whose first try rolled back); after
	 * {@code wait} it gives up with {@link InProgress}.
	 */
	Optional<Used> claim(long staffId, String key, byte[] requestHash, Duration wait) {
		boolean ours;
		try {
			// One round trip: the timeout as it was is read, then this one set, then the key inserted under it, then
			// the timeout put back (each step reads the one before, so they run in that order). The placeholder
			// answer never becomes visible: the same transaction stores the real one before commit.
			ours = jdbc.sql("""
					WITH previous AS MATERIALIZED (SELECT current_setting('lock_timeout') AS setting),
					     waits AS MATERIALIZED (SELECT set_config('lock_timeout', CAST(? AS text), true) AS setting
					                            FROM previous),
					     inserted AS (INSERT INTO idempotency_keys (staff_id, key, request_hash, status, headers, body)
					                  SELECT ?, ?, ?, 0, '{}', ''::bytea FROM waits
					                  ON CONFLICT DO NOTHING RETURNING 1),
					     claimed AS MATERIALIZED (SELECT count(*) AS rows FROM inserted),
					     restored AS MATERIALIZED (SELECT set_config('lock_timeout', previous.setting, true) AS setting
					                               FROM previous, claimed)
					SELECT claimed.rows = 1 FROM claimed, restored""")
				.params(wait.toMillis() + "ms", staffId, key, requestHash)
				.query(Boolean.class)
				.single();
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
				throw new InProgress(wait);
			}
			throw ex;
		}
		if (ours) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("SELECT request_hash, status, headers, body FROM idempotency_keys"
				+ " WHERE staff_id = ? AND key = ?")
			.params(staffId, key)
			.query((rs, row) -> new Used(rs.getBytes("request_hash"), new StoredAnswer(rs.getInt("status"),
					json.readValue(rs.getString("headers"), HEADERS), rs.getBytes("body"))))
			.single());
	}

	/** Stores the answer to the claimed key, in the transaction that made the change. */
	void answer(long staffId, String key, StoredAnswer answer) {
		jdbc.sql("UPDATE idempotency_keys SET status = ?, headers = CAST(? AS jsonb), body = ?"
				+ " WHERE staff_id = ? AND key = ?")
			.params(answer.status(), json.writeValueAsString(answer.headers()), answer.body(), staffId, key)
			.update();
	}

	/**
	 * Removes one batch of keys older than the retention; answers how many went. SKIP LOCKED: instances that clean
	 * up at the same moment share the work instead of queueing behind each other.
	 */
	int removeOlderThan(Duration retention) {
		return jdbc.sql("""
				DELETE FROM idempotency_keys WHERE (staff_id, key) IN (
				    SELECT staff_id, key FROM idempotency_keys
				    WHERE created_at < now() - make_interval(secs => ?)
				    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)""")
			.params(retention.toSeconds(), CLEANUP_BATCH)
			.update();
	}

	static int cleanupBatch() {
		return CLEANUP_BATCH;
	}

}
