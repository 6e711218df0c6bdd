package org.backroom.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.backroom.lifecycle.TransitionGate;
import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;

/** A request for a second person to approve an action, and how it was decided. */
public record ApprovalRequest(long id, String action, String recordKind, long recordId, String status,
		String requestedBy, String reason, Instant requestedAt, Instant expiresAt, @Nullable String decidedBy,
		@Nullable Instant decidedAt, @Nullable String decisionReason) implements TransitionGate.Pending {

	static final String SELECT = """
			SELECT a.id, a.action, a.record_kind, a.record_id,
			       CASE WHEN a.status = 'PENDING' AND a.expires_at <= now() THEN 'EXPIRED' ELSE a.status END AS status,
			       a.requested_by, r.username AS requested_by_name, a.reason, a.requested_at, a.expires_at,
			       d.username AS decided_by_name, a.decided_at, a.decision_reason
			FROM approval_requests a
			JOIN staff r ON r.id = a.requested_by
			LEFT JOIN staff d ON d.id = a.decided_by""";

	static ApprovalRequest from(ResultSet rs, int row) throws SQLException {
		return new ApprovalRequest(rs.getLong("id"), rs.getString("action"), rs.getString("record_kind"),
				rs.getLong("record_id"), rs.getString("status"), rs.getString("requested_by_name"),
				rs.getString("reason"), Objects.requireNonNull(Sql.instant(rs, "requested_at")),
				Objects.requireNonNull(Sql.instant(rs, "expires_at")),
				rs.getString("decided_by_name"), Sql.instant(rs, "decided_at"), rs.getString("decision_reason"));
	}

}
