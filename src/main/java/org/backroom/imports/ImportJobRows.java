package org.backroom.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of an import job's rows: one per line of the file, with what to do and, once done, its outcome (V53). */
@Repository
class ImportJobRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, @Nullable String>> CELLS = new TypeReference<>() {
	};

	/** Rows per multi-row insert of a preview. */
	private static final int INSERT_CHUNK = 5000;

	private final JdbcClient jdbc;

	ImportJobRows(JdbcClient jdbc) {
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

	/** A preview's rows, in multi-row inserts. */
	void insert(long jobId, List<NewRow> rows) {
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
		// Fresh statistics now: with none, the planner takes the table for empty and each batch's multi-row update
		// of its rows' outcomes walks every row of the job (seconds per batch instead of milliseconds).
		jdbc.sql("ANALYZE import_job_rows").update();
	}

	/** The rows of an undo: each record the undone import created (to remove) or updated (to revert). */
	void insertUndo(long jobId, long undone) {
		jdbc.sql("""
				INSERT INTO import_job_rows (job_id, line, action, record_id, expect_version, cells)
				SELECT :job, line, CASE outcome WHEN 'CREATED' THEN 'REMOVE' ELSE 'REVERT' END, record_id,
				       after_version, coalesce(before_cells, cells)
				FROM import_job_rows WHERE job_id = :undone AND outcome IN ('CREATED', 'UPDATED')""")
			.param("job", jobId)
			.param("undone", undone)
			.update();
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

	/**
	 * Every outcome of a batch in one statement: the rows named by the primary key ({@code line = ANY}), each finding
	 * its outcome in a JSON object by its line. No join for the planner to misjudge: a job's rows have no statistics
	 * yet in its first batches, and a join of the outcomes as a set could read the batch's rows once per outcome.
	 */
	void write(long jobId, List<Outcome> outcomes) {
		Map<String, Outcome> byLine = new LinkedHashMap<>();
		outcomes.forEach(outcome -> byLine.put(String.valueOf(outcome.line()), outcome));
		jdbc.sql("""
				WITH given AS MATERIALIZED (SELECT CAST(:outcomes AS jsonb) AS outcomes)
				UPDATE import_job_rows r SET outcome = g.outcomes -> CAST(r.line AS text) ->> 'outcome',
				       record_id = coalesce(CAST(g.outcomes -> CAST(r.line AS text) ->> 'recordId' AS bigint),
				                            r.record_id),
				       detail = g.outcomes -> CAST(r.line AS text) ->> 'detail',
				       before_cells = nullif(g.outcomes -> CAST(r.line AS text) -> 'before', 'null'),
				       after_version = CAST(g.outcomes -> CAST(r.line AS text) ->> 'afterVersion' AS bigint)
				FROM given AS g
				WHERE r.job_id = :job AND r.line = ANY (CAST(:lines AS integer[])) AND r.outcome = 'PENDING'""")
			.param("job", jobId)
			.param("lines", byLine.keySet().stream().collect(Collectors.joining(",", "{", "}")))
			.param("outcomes", JSON.writeValueAsString(byLine))
			.update();
	}

}
