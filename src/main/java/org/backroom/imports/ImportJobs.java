package org.backroom.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of import jobs (V53__import_csv_files.sql); their rows are {@link ImportJobRows}'. */
@Repository
class ImportJobs {

	private final JdbcClient jdbc;

	private final ImportJobRows rows;

	ImportJobs(JdbcClient jdbc, ImportJobRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** What a batch needs of its job, read with the job's row locked. */
	record Running(long id, String recordKind, @Nullable Long undoOf, String requestedBy, @Nullable String reason,
			int lastLine) {
	}

	long insertPreview(String kind, @Nullable String fileName, String requestedBy, List<ImportJobRows.NewRow> rows) {
		long toCreate = rows.stream().filter(row -> row.action().equals("CREATE")).count();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO import_jobs (record_kind, status, file_name, requested_by, total, to_create, to_update)
				VALUES (?, 'PREVIEWED', ?, ?, ?, ?, ?)""")
			.params(kind, fileName, requestedBy, rows.size(), toCreate, rows.size() - toCreate)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		this.rows.insert(id, rows);
		return id;
	}

	/**
	 * The undo of an import: a row for each record it changed, numbered by the import's lines. A record it updated
	 * goes back to its values before, if it is still at the version the import left; one it created is removed.
	 */
	long insertUndo(ImportJob undone, String requestedBy, String reason) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO import_jobs (record_kind, status, undo_of, file_name, requested_by, reason, started_at)
				VALUES (?, 'RUNNING', ?, ?, ?, ?, now())""")
			.params(undone.recordKind(), undone.id(), undone.fileName(), requestedBy, reason)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		rows.insertUndo(id, undone.id());
		jdbc.sql("""
				UPDATE import_jobs SET total = r.n, to_create = 0, to_update = r.n
				FROM (SELECT count(*) AS n FROM import_job_rows WHERE job_id = :job) AS r WHERE id = :job""")
			.param("job", id)
			.update();
		return id;
	}

	Optional<ImportJob> find(long id) {
		List<ImportJob.Problem> problems = jdbc.sql("""
				SELECT line, record_id, outcome, detail FROM import_job_rows
				WHERE job_id = ? AND outcome IN ('CONFLICT', 'FAILED') ORDER BY line LIMIT 100""")
			.param(id)
			.query((rs, row) -> new ImportJob.Problem(rs.getInt("line"), rs.getObject("record_id", Long.class),
					rs.getString("outcome"), rs.getString("detail")))
			.list();
		return jdbc.sql(ImportJob.SELECT + " WHERE j.id = ?")
			.param(id)
			.query((rs, row) -> ImportJob.from(rs, problems))
			.optional();
	}

	/** The job, its row locked, so that two starts or two undos of one job take turns. */
	Optional<ImportJob> lock(long id) {
		jdbc.sql("SELECT id FROM import_jobs WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
		return find(id);
	}

	/** A preview that nobody started yet begins to run. */
	boolean start(long id, String requestedBy) {
		return jdbc.sql("""
				UPDATE import_jobs SET status = 'RUNNING', started_at = now(), requested_by = ?
				WHERE id = ? AND status = 'PREVIEWED'""").params(requestedBy, id).update() == 1;
	}

	Optional<Long> oldestRunning() {
		return jdbc.sql("SELECT id FROM import_jobs WHERE status = 'RUNNING' ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional();
	}

	Optional<Running> lockRunning(long id) {
		return jdbc.sql("""
				SELECT id, record_kind, undo_of, requested_by, reason, last_line FROM import_jobs
				WHERE id = ? AND status = 'RUNNING' FOR UPDATE""")
			.param(id)
			.query((rs, row) -> new Running(rs.getLong("id"), rs.getString("record_kind"),
					rs.getObject("undo_of", Long.class), rs.getString("requested_by"), rs.getString("reason"),
					rs.getInt("last_line")))
			.optional();
	}

	/** Moves the keyset on and adds the batch's counts; a job with no row left pending is done. */
	boolean progress(long jobId, int lastLine, List<ImportJobRows.Outcome> outcomes) {
		Map<String, Long> counts = new HashMap<>();
		outcomes.forEach(outcome -> counts.merge(outcome.outcome(), 1L, Long::sum));
		return jdbc.sql("""
				UPDATE import_jobs SET last_line = :last, created = created + :created, updated = updated + :updated,
				       unchanged = unchanged + :unchanged, removed = removed + :removed,
				       conflicts = conflicts + :conflicts, failed = failed + :failed,
				       status = CASE WHEN pending THEN status ELSE 'DONE' END,
				       finished_at = CASE WHEN pending THEN NULL ELSE clock_timestamp() END
				FROM (SELECT EXISTS (SELECT 1 FROM import_job_rows WHERE job_id = :job AND line > :last
				                     AND outcome = 'PENDING') AS pending) AS p
				WHERE id = :job
				RETURNING p.pending""")
			.param("job", jobId)
			.param("last", lastLine)
			.param("created", counts.getOrDefault("CREATED", 0L))
			.param("updated", counts.getOrDefault("UPDATED", 0L) + counts.getOrDefault("REVERTED", 0L))
			.param("unchanged", counts.getOrDefault("UNCHANGED", 0L))
			.param("removed", counts.getOrDefault("DELETED", 0L) + counts.getOrDefault("DEACTIVATED", 0L))
			.param("conflicts", counts.getOrDefault("CONFLICT", 0L))
			.param("failed", counts.getOrDefault("FAILED", 0L))
			.query(Boolean.class)
			.single();
	}

	/** A list of what a user may have lost track of: the newest imports. */
	List<ImportJob> newest(int limit) {
		List<Long> ids = jdbc.sql("SELECT id FROM import_jobs WHERE status <> 'PREVIEWED' ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query(Long.class)
			.list();
		List<ImportJob> jobs = new ArrayList<>();
		ids.forEach(id -> find(id).ifPresent(jobs::add));
		return jobs;
	}

}
