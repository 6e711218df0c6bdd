package org.backroom.audit;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL that seals committed entries into the chain and reads its head and lag. Indexes in V25. */
@Repository
class ChainSeals {

	/** The advisory lock of the one sealer: "BRSEALER" in ASCII. Taken with try, so no sealer ever waits. */
	private static final long SEAL_LOCK = 0x42525345414C4552L;

	// One statement per batch: the committed unsealed entries in id order are chained after the head, each link's
	// hash computed from the one before by the recursion (index n into the batch's arrays, so linear in its size).
	private static final String SEAL = """
			WITH RECURSIVE
			batch AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(payload_hash ORDER BY id) AS payloads
			          FROM (SELECT id, payload_hash FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT :size) AS u),
			head AS (SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1),
			links (n, seq, id, prev_hash, hash) AS (
			    SELECT 1, coalesce(h.chain_seq, 0) + 1, b.ids[1], h.hash,
			           sha256(coalesce(h.hash, ''::bytea) || b.payloads[1])
			    FROM batch b LEFT JOIN head h ON true
			    WHERE b.ids IS NOT NULL
			    UNION ALL
			    SELECT l.n + 1, l.seq + 1, b.ids[l.n + 1], l.hash, sha256(l.hash || b.payloads[l.n + 1])
			    FROM links l, batch b
			    WHERE l.n < cardinality(b.ids))
			UPDATE audit_log a SET chain_seq = l.seq, prev_hash = l.prev_hash, hash = l.hash, sealed_at = clock_timestamp()
			FROM links l
			WHERE a.id = l.id""";

	private final JdbcClient jdbc;

	ChainSeals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether this transaction is the sealer now: false at once if another one is, unless told to wait for it. */
	boolean claim(boolean wait) {
		if (wait) {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)::text").param(SEAL_LOCK).query(String.class).single();
			return true;
		}
		return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(SEAL_LOCK).query(Boolean.class).single();
	}

	/** Seals up to {@code size} committed entries; the caller holds the claim. Returns how many. */
	int sealBatch(int size) {
		jdbc.sql("SELECT set_config('backroom.audit_path', 'seal', true)").query(String.class).single();
		int sealed = jdbc.sql(SEAL).param("size", size).update();
		jdbc.sql("SELECT set_config('backroom.audit_path', '', true)").query(String.class).single();
		return sealed;
	}

	/** The newest link: how many entries the chain holds and the hash of the last; none for an empty chain. */
	@Nullable Head head() {
		return jdbc.sql("SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")
			.query((rs, row) -> new Head(rs.getLong("chain_seq"), rs.getBytes("hash")))
			.optional()
			.orElse(null);
	}

	/** The hash of the link at a position, if there is one. */
	byte @Nullable [] hashAt(long seq) {
		return jdbc.sql("SELECT hash FROM audit_log WHERE chain_seq = ?").param(seq).query(byte[].class).optional()
			.orElse(null);
	}

	/** Whether any committed entry waits to be sealed: one probe of the partial index of unsealed entries. */
	boolean waiting() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_log WHERE chain_seq IS NULL)").query(Boolean.class).single();
	}

	/** Entries committed but not sealed yet, and how long the oldest has waited. */
	Lag lag() {
		return jdbc.sql("SELECT count(*) AS entries, min(at) AS oldest, clock_timestamp() AS now FROM audit_log "
				+ "WHERE chain_seq IS NULL")
			.query((rs, row) -> {
				OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
				OffsetDateTime now = rs.getObject("now", OffsetDateTime.class);
				return new Lag(rs.getLong("entries"),
						oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now.toInstant()));
			})
			.single();
	}

	record Head(long entries, byte[] hash) {
	}

	record Lag(long entries, Duration oldest) {

		/** Nothing waits. */
		static final Lag NONE = new Lag(0, Duration.ZERO);

	}

}
