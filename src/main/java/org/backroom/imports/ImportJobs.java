package org.backroom.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of import jobs and their rows (V53__import_csv_files.sql). */
@Repository
class ImportJobs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, @Nullable String>> CELLS = new TypeReference<>() {
	};

	/** Rows per multi-row insert of a preview. */
	private static final int INSERT_CHUNK = 5000;

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row to write: what to do with which record, and its cells. */
	record NewRow(int line, String action, @Nullable Long recordId, @Nullable Long expectVersion,
			Map<String, @Nullable String> cells) {
	}

	/** A row of a running job, still to do. */
	record PendingRow(int line, String action, @Nullable Long recordId, @Nullable Long expectVersion,
			Map<String, @Nullable String> cells) {
	}

	/** A row's outcome, for the multi-row update of a batch's outcomes. */
	record Outcome(int line, String outcome, @Nullable Long recordId, @Nullable String detail,
			@Nullable Map<String, @Nullable String> before, @Nullable Long afterVersion) {
	}

	/** What a batch needs of its job, read with the job's row locked. */
	record Running(long id, String recordKind, @Nullable Long undoOf, String requestedBy, @Nullable String reason,
			int lastLine) {
	}

	long insertPreview(String kind, @Nullable String fileName, String requestedBy, List<NewRow> rows) {
		long toCreate = rows.stream().filter(row -> row.action().equals("CREATE")).count();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO import_jobs (record_kind, status, file_name, requested_by, total, to_create, to_update)
				VALUES (?, 'PREVIEWED', ?, ?, ?, ?, ?)""")
			.params(kind, fileName, requestedBy, rows.size(), toCreate, rows.size() - toCreate)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		insertRows(id, rows);
		// Fresh statistics now: with none, the planner takes the table for empty and each batch's multi-row update
		// of its rows' outcomes walks every row of the job (seconds per batch instead of milliseconds).
		jdbc.sql("ANALYZE import_job_rows").update();
		return id;
	}

	private void insertRows(long jobId, List<NewRow> rows) {
		for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
			jdbc.sql("""
					INSERT INTO import_job_rows (job_id, line, action, record_id, expect_version, cells)
					SELECT :job, line, action, "recordId", "expectVersion", cells
					FROM jsonb_to_recordset(CAST(:rows AS jsonb))
					     AS v(line integer, action text, "recordId" bigint, "expectVersion" bigint, cells jsonb)""")
				.param("job", jobId)
				.param("rows", JSON.writeValueAsString(rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK))))
				.update();
		}
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
		jdbc.sql("""
				INSERT INTO import_job_rows (job_id, line, action, record_id, expect_version, cells)
				SELECT :job, line, CASE outcome WHEN 'CREATED' THEN 'REMOVE' ELSE 'REVERT' END, record_id,
				       after_version, coalesce(before_cells, cells)
				FROM import_job_rows WHERE job_id = :undone AND outcome IN ('CREATED', 'UPDATED')""")
			.param("job", id)
			.param("undone", undone.id())
			.update();
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

	/** The next rows by keyset: lines after the last one handled, still without an outcome. */
	List<PendingRow> nextBatch(long jobId, int afterLine, int size) {
		return jdbc.sql("""
				SELECT line, action, record_id, expect_version, cells::text AS cells FROM import_job_rows
				WHERE job_id = ? AND line > ? AND outcome = 'PENDING' ORDER BY line LIMIT ?""")
			.params(jobId, afterLine, size)
			.query((rs, row) -> new PendingRow(rs.getInt("line"), rs.getString("action"),
					rs.getObject("record_id", Long.class), rs.getObject("expect_version", Long.class),
					JSON.readValue(rs.getString("cells"), CELLS)))
			.list();
	}

	/** Every outcome of a batch in one statement. */
	void write(long jobId, List<Outcome> outcomes) {
		jdbc.sql("""
				UPDATE import_job_rows r SET outcome = v.outcome, record_id = coalesce(v."recordId", r.record_id),
				       detail = v.detail, before_cells = v.before, after_version = v."afterVersion"
				FROM jsonb_to_recordset(CAST(:outcomes AS jsonb)) AS v(line integer, outcome text, "recordId" bigint,
				     detail text, before jsonb, "afterVersion" bigint)
				WHERE r.job_id = :job AND r.line = v.line AND r.outcome = 'PENDING'""")
			.param("job", jobId)
			.param("outcomes", JSON.writeValueAsString(outcomes))
			.update();
	}

	/** Moves the keyset on and adds the batch's counts; a job with no row left pending is done. */
	boolean progress(long jobId, int lastLine, List<Outcome> outcomes) {
		Map<String, Long> counts = new java.util.HashMap<>();
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
