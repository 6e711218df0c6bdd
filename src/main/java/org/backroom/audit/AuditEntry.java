package org.backroom.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * One audit entry as the API shows it. {@code changes} is the stored JSON, passed through as it is: field-level
 * {@code {"from", "to"}} for an edit, the values for a creation, other facts for other actions.
 */
record AuditEntry(long id, Instant at, String actor, String action, @Nullable String recordKind,
		@Nullable Long recordId, @Nullable String reason, @JsonRawValue @Nullable String changes,
		@Nullable String requestId, @Nullable String address) {

	static final String COLUMNS = """
			id, at, actor, action, record_kind, record_id, reason, changes::text AS changes, request_id, address""";

	/**
	 * The columns of the export: an entry's, then its place in the chain (empty while unsealed) and the exact text
	 * its payload hash is the SHA-256 of (empty once erased), which {@link AuditVerifier} checks offline.
	 */
	static final String EXPORT_COLUMNS = COLUMNS + """
			, chain_seq, encode(payload_hash, 'hex') AS payload_hash_hex, encode(prev_hash, 'hex') AS prev_hash_hex,
			encode(hash, 'hex') AS hash_hex, erased,
			CASE WHEN NOT erased THEN audit_payload_text(at, actor, action, record_kind, record_id, reason, changes,
			                                             request_id, address) END AS payload""";

	/** The columns of the CSV export, in the order of {@link #csvCells(ResultSet)}. */
	static final String[] CSV_HEADER = { "id", "at", "actor", "action", "recordKind", "recordId", "reason",
			"changes", "requestId", "address", "chainSeq", "payloadHash", "prevHash", "hash", "erased", "payload" };

	static AuditEntry from(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("record_kind"),
				rs.getObject("record_id", Long.class), rs.getString("reason"), rs.getString("changes"),
				rs.getString("request_id"), rs.getString("address"));
	}

	/** One line of the CSV export from a row of {@link #EXPORT_COLUMNS}; {@code changes} as its JSON. */
	static @Nullable Object[] csvCells(ResultSet rs) throws SQLException {
		AuditEntry entry = from(rs, rs.getRow());
		return new @Nullable Object[] { entry.id, entry.at.toString(), entry.actor, entry.action, entry.recordKind,
				entry.recordId, entry.reason, entry.changes, entry.requestId, entry.address,
				rs.getObject("chain_seq", Long.class), rs.getString("payload_hash_hex"), rs.getString("prev_hash_hex"),
				rs.getString("hash_hex"), rs.getBoolean("erased"), rs.getString("payload") };
	}

}
