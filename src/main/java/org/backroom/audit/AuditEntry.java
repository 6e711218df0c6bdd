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

	/** The columns of the CSV export, in the order of {@link #csvCells()}. */
	static final String[] CSV_HEADER = { "id", "at", "actor", "action", "recordKind", "recordId", "reason",
			"changes", "requestId", "address" };

	static AuditEntry from(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("record_kind"),
				rs.getObject("record_id", Long.class), rs.getString("reason"), rs.getString("changes"),
				rs.getString("request_id"), rs.getString("address"));
	}

	/** One line of the CSV export; {@code changes} as its JSON. */
	@Nullable Object[] csvCells() {
		return new @Nullable Object[] { id, at.toString(), actor, action, recordKind, recordId, reason, changes,
				requestId, address };
	}

}
