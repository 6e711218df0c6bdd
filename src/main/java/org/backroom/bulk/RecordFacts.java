package org.backroom.bulk;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.backroom.lifecycle.LifecycleStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk job needs to know about one record to decide whether to touch it, read in one query for a whole
 * preview or batch. {@link #skip} is the one place that decides; the lifecycle still enforces its own rules when
 * the job applies the transition.
 */
record RecordFacts(long id, boolean found, @Nullable LifecycleStatus status, boolean system, BigDecimal balance,
		boolean activeSince, boolean referenced, @Nullable OffsetDateTime changedAt) {

	/** Why a record is left alone, as a stable code and in words. */
	record Skip(String reason, String detail) {
	}

	static RecordFacts from(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		return new RecordFacts(rs.getLong("id"), rs.getBoolean("found"),
				status == null ? null : LifecycleStatus.valueOf(status), rs.getBoolean("is_system"),
				rs.getBigDecimal("balance"), rs.getBoolean("active_since"), rs.getBoolean("referenced"),
				rs.getObject("status_changed_at", OffsetDateTime.class));
	}

	/** An id that names no record of the kind. */
	static RecordFacts notFound(long id) {
		return new RecordFacts(id, false, null, false, BigDecimal.ZERO, false, false, null);
	}

	/**
	 * Why the job must leave this record alone now, if it must.
	 *
	 * @param expected for an undo, the status change the undone job made, which must still be the latest
	 */
	Optional<Skip> skip(BulkAction action, @Nullable OffsetDateTime expected) {
		if (!found || status == null) {
			return skip("not-found", "There is no record with id " + id + ".");
		}
		if (action.erases()) {
			// Everything else is the erasure feature's to decide, with the refusals of a single erasure.
			return Optional.empty();
		}
		if (system && action.cleansUp()) {
			return skip("system-record", "A system record (the walk-in customer) always stays active.");
		}
		if (!action.transition().startsFrom(status)) {
			return notFrom(status);
		}
		if (expected != null && (changedAt == null || !expected.toInstant().equals(changedAt.toInstant()))) {
			return skip("changed-since", "Its status changed after the job that is being undone.");
		}
		if (action.cleansUp() && balance.signum() > 0) {
			return skip("open-balance", "Owes " + balance.toPlainString() + " on credit.");
		}
		if (action.cleansUp() && activeSince) {
			return skip("active-since", "Sold to, sold or purchased since the job's cutoff: not dormant.");
		}
		if (action == BulkAction.DELETE && referenced) {
			return skip("referenced", "Orders point to it, so it cannot be deleted; deactivate it instead.");
		}
		return Optional.empty();
	}

	/** Why a record in this status is not one the job's transition starts from. */
	private static Optional<Skip> notFrom(LifecycleStatus status) {
		return switch (status) {
			case INACTIVE -> skip("already-inactive", "Already inactive.");
			case DELETED -> skip("in-trash", "In the trash.");
			case ERASED -> skip("erased", "Erased: its personal data is gone.");
			case ACTIVE -> skip("already-active", "Active again: someone reactivated or restored it.");
			case MERGED -> skip("merged", "Merged into another customer.");
		};
	}

	private static Optional<Skip> skip(String reason, String detail) {
		return Optional.of(new Skip(reason, detail));
	}

}
