package org.backroom.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;

/**
 * An import (or the undo of one) and its progress: {@code processed} of {@code rows} lines have their outcome.
 *
 * @param status PREVIEWED (waiting to be started), RUNNING or DONE
 * @param undoOf for an undo, the import it undoes
 * @param undoneBy the undo of this import, once there is one
 * @param updated for an undo: the records put back to their values before the import
 * @param removed for an undo: the records the import created, now in the trash (or inactive, when referenced)
 * @param conflicts rows whose record changed since the preview (or, for an undo, since the import): left as they were
 * @param problems the first rows that were not imported, with why
 */
@Schema(name = "ImportJob")
record ImportJob(long id, String recordKind, String status, @Nullable Long undoOf, @Nullable Long undoneBy,
		@Nullable String fileName, String requestedBy, int rows, int toCreate, int toUpdate, int processed, int created,
		int updated, int unchanged, int removed, int conflicts, int failed, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, List<Problem> problems) {

	static final String SELECT = """
			SELECT j.id, j.record_kind, j.status, j.undo_of, (SELECT u.id FROM import_jobs u WHERE u.undo_of = j.id)
			       AS undone_by, j.file_name, j.requested_by, j.total, j.to_create, j.to_update, j.created, j.updated,
			       j.unchanged, j.removed, j.conflicts, j.failed, j.created_at, j.started_at, j.finished_at
			FROM import_jobs j""";

	/**
	 * A row that was not imported.
	 *
	 * @param outcome CONFLICT or FAILED
	 */
	@Schema(name = "ImportProblem")
	record Problem(int line, @Nullable Long recordId, String outcome, @Nullable String detail) {
	}

	/** Whole numbers out of a hundred, for a progress bar. */
	public int percent() {
		return rows == 0 ? 100 : (int) (100L * processed / rows);
	}

	public boolean running() {
		return "RUNNING".equals(status);
	}

	public boolean done() {
		return "DONE".equals(status);
	}

	static ImportJob from(ResultSet rs, List<Problem> problems) throws SQLException {
		int created = rs.getInt("created");
		int updated = rs.getInt("updated");
		int unchanged = rs.getInt("unchanged");
		int removed = rs.getInt("removed");
		int conflicts = rs.getInt("conflicts");
		int failed = rs.getInt("failed");
		return new ImportJob(rs.getLong("id"), rs.getString("record_kind"), rs.getString("status"),
				rs.getObject("undo_of", Long.class), rs.getObject("undone_by", Long.class), rs.getString("file_name"),
				rs.getString("requested_by"), rs.getInt("total"), rs.getInt("to_create"), rs.getInt("to_update"),
				created + updated + unchanged + removed + conflicts + failed, created, updated, unchanged, removed,
				conflicts, failed,
				Objects.requireNonNull(Sql.instant(rs, "created_at")), Sql.instant(rs, "started_at"),
				Sql.instant(rs, "finished_at"), problems);
	}

}
