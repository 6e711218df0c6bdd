package org.backroom.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk job and its progress: {@code done + skipped + failed} of {@code total} records have their outcome. Its
 * {@code criteria} are what it was asked for, a job given ids saying how many ({@code idCount}) instead of which
 * (V65's {@code selection}): a page watching a job of 100,000 asks every second, and the ids were 800 kB of each
 * answer. Which records a job has, and what became of each, are paged at {@code /api/bulk-jobs/{id}/records}; the
 * audit entry of its start keeps the ids it was given.
 */
record BulkJob(long id, String recordKind, String action, BulkJobStatus status, String reason, JsonNode criteria,
		String requestedBy, @Nullable Long undoOf, @Nullable Long approvalRequestId, int total, int done, int skipped,
		int failed, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SELECT = "SELECT id, record_kind, action, status, reason, selection::text AS criteria,"
			+ " requested_by, undo_of, approval_request_id, total, done, skipped, failed, created_at, started_at,"
			+ " finished_at, cutoff, last_record_id FROM bulk_jobs";

	static BulkJob from(ResultSet rs, int row) throws SQLException {
		return new BulkJob(rs.getLong("id"), rs.getString("record_kind"), rs.getString("action"),
				BulkJobStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), JSON.readTree(rs.getString("criteria")), rs.getString("requested_by"),
				rs.getObject("undo_of", Long.class), rs.getObject("approval_request_id", Long.class),
				rs.getInt("total"), rs.getInt("done"), rs.getInt("skipped"), rs.getInt("failed"),
				Objects.requireNonNull(Sql.instant(rs, "created_at")), Sql.instant(rs, "started_at"),
				Sql.instant(rs, "finished_at"));
	}

	/**
	 * What a batch needs of the job it works on: read with the job's row locked, and without its criteria, which for
	 * a job of 100,000 ids is 700 kB read and sent for every batch (21 ms of a batch's 166 at 1m customers).
	 */
	record Running(long id, String recordKind, BulkAction action, String reason, String requestedBy,
			@Nullable Long undoOf, @Nullable Instant cutoff, long lastRecordId) {

		static final String SELECT = "SELECT id, record_kind, action, reason, requested_by, undo_of, cutoff,"
				+ " last_record_id FROM bulk_jobs";

		static Running from(ResultSet rs, int row) throws SQLException {
			OffsetDateTime cutoff = rs.getObject("cutoff", OffsetDateTime.class);
			return new Running(rs.getLong("id"), rs.getString("record_kind"),
					BulkAction.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)), rs.getString("reason"),
					rs.getString("requested_by"), rs.getObject("undo_of", Long.class),
					cutoff == null ? null : cutoff.toInstant(), rs.getLong("last_record_id"));
		}

	}

}
