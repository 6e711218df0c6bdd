package org.backroom.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.backroom.lifecycle.TransitionGate;
import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;

/** A request for a second person to approve an action, and how it was decided. */
public record ApprovalRequest(long id, String action, String recordKind, long recordId, Status status,
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
				rs.getLong("record_id"), Status.valueOf(rs.getString("status")), rs.getString("requested_by_name"),
				rs.getString("reason"), Objects.requireNonNull(Sql.instant(rs, "requested_at")),
				Objects.requireNonNull(Sql.instant(rs, "expires_at")),
				rs.getString("decided_by_name"), Sql.instant(rs, "decided_at"), rs.getString("decision_reason"));
	}

	/**
	 * Where a request stands. Only a pending one is decided, once: approved or rejected by someone else, or
	 * expired when nobody decided in time. In JSON and in the database, its name.
	 */
	public enum Status {

		PENDING, APPROVED, REJECTED, EXPIRED;

		/** Whether a request in this status may move to {@code next}. */
		boolean canMoveTo(Status next) {
			return this == PENDING && next != PENDING;
		}

		/** Whether someone may still approve or reject it. */
		public boolean decidable() {
			return this == PENDING;
		}

		/** The status as a word in a sentence ("was approved"), and its badge's style. */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
