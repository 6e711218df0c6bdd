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
		// The timeout as it was, then this one, in one round trip: the new one is set from a row of the old one's, so
		// the old one is read first.
		String previous = jdbc.sql("SELECT p.previous, n.waits FROM (SELECT current_setting('lock_timeout') AS previous"
				+ " OFFSET 0) AS p, LATERAL (SELECT set_config('lock_timeout', CAST(? AS text) || left(p.previous, 0),"
				+ " true) AS waits) AS n")
			.param(wait.toMillis() + "ms")
			.query((rs, row) -> rs.getString("previous"))
			.single();
		int claimed;
		try {
			// The placeholder answer never becomes visible: the same transaction stores the real one before commit.
			claimed = jdbc.sql("""
					INSERT INTO idempotency_keys (staff_id, key, request_hash, status, headers, body)
					VALUES (?, ?, ?, 0, '{}', ''::bytea) ON CONFLICT DO NOTHING""")
				.params(staffId, key, requestHash)
				.update();
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
				throw new InProgress(wait);
			}
			throw ex;
		}
		setLockTimeout(previous);
		if (claimed == 1) {
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

	private void setLockTimeout(String value) {
		jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(value).query(String.class).single();
	}

}
