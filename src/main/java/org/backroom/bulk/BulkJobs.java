package org.backroom.bulk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of bulk jobs and their per-record outcomes (V10_1__create_bulk_jobs.sql). */
@Repository
class BulkJobs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	BulkJobs(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A new job, as asked; {@code undoOf} for an undo; {@code proposedAs} for a proposal. */
	record NewJob(String recordKind, BulkAction action, Map<String, Object> criteria, @Nullable Instant cutoff,
			String reason, BulkJobStatus status, String requestedBy, @Nullable Long undoOf,
			@Nullable String proposedAs) {
	}

	long insert(NewJob job) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO bulk_jobs (record_kind, action, criteria, cutoff, reason, status, requested_by, undo_of,
				                       proposed_as, started_at)
				VALUES (:kind, :action, CAST(:criteria AS jsonb), :cutoff, :reason, :status, :requestedBy, :undoOf,
				        :proposedAs, CASE WHEN :status = 'RUNNING' THEN now() END)""")
			.param("kind", job.recordKind())
			.param("action", job.action().verb())
			.param("criteria", JSON.writeValueAsString(job.criteria()))
			.param("cutoff", job.cutoff() == null ? null : job.cutoff().atOffset(ZoneOffset.UTC))
			.param("reason", job.reason())
			.param("status", job.status().name())
			.param("requestedBy", job.requestedBy())
			.param("undoOf", job.undoOf())
			.param("proposedAs", job.proposedAs())
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** The job's records: those to process, and those skipped at once with why. Sets the job's totals. */
	void addRecords(long jobId, List<Long> toProcess, List<Preview.Skipped> skipped) {
		jdbc.sql("INSERT INTO bulk_job_records (job_id, record_id) SELECT :job, unnest(CAST(:ids AS bigint[]))")
			.param("job", jobId)
			.param("ids", Selection.array(toProcess))
			.update();
		template.batchUpdate("INSERT INTO bulk_job_records (job_id, record_id, outcome, reason, detail)"
				+ " VALUES (?, ?, 'SKIPPED', ?, ?)", skipped, 1000, (ps, skip) -> {
					ps.setLong(1, jobId);
					ps.setLong(2, skip.id());
					ps.setString(3, skip.reason());
					ps.setString(4, skip.detail());
				});
		jdbc.sql("UPDATE bulk_jobs SET total = ?, skipped = ? WHERE id = ?")
			.params(toProcess.size() + skipped.size(), skipped.size(), jobId)
			.update();
		analyzeIfLarge(toProcess.size());
	}

	/**
	 * Gives the planner the records' statistics when a job adds many: without them it takes a job's 100,000 new
	 * records for a few rows, and each batch's keyset read scanned every record left and sorted them (30 ms a batch
	 * at first) instead of reading the next ones in key order. Inside this transaction, ANALYZE counts its own new
	 * rows; one who does not own the table gets a warning, not an error.
	 */
	private void analyzeIfLarge(int added) {
		if (added >= ANALYZE_FROM) {
			jdbc.sql("ANALYZE bulk_job_records").update();
		}
	}

	private static final int ANALYZE_FROM = 10_000;

	/** An undo's records: each one the undone job changed, with the status change it made. */
	int addUndoRecords(long jobId, long undoneJobId) {
		int total = jdbc.sql("""
				INSERT INTO bulk_job_records (job_id, record_id, expect_changed_at)
				SELECT :job, record_id, changed_at FROM bulk_job_records WHERE job_id = :undone AND outcome = 'DONE'""")
			.param("job", jobId)
			.param("undone", undoneJobId)
			.update();
		jdbc.sql("UPDATE bulk_jobs SET total = ? WHERE id = ?").params(total, jobId).update();
		analyzeIfLarge(total);
		return total;
	}

	/**
	 * The job, its row locked: two undos of one job take turns here, and the second then sees the first's undo.
	 */
	Optional<BulkJob> lock(long id) {
		return jdbc.sql(BulkJob.SELECT + " WHERE id = ? FOR UPDATE").param(id).query(BulkJob::from).optional();
	}

	/** The undo that undid (or is undoing, or waits to undo) this job; a rejected one undid nothing. */
	Optional<Long> undoneBy(long id) {
		return jdbc.sql("SELECT id FROM bulk_jobs WHERE undo_of = ? AND status <> 'REJECTED' ORDER BY id LIMIT 1")
			.param(id)
			.query(Long.class)
			.optional();
	}

	Optional<BulkJob> find(long id) {
		return jdbc.sql(BulkJob.SELECT + " WHERE id = ?").param(id).query(BulkJob::from).optional();
	}

	/** The job's row, locked, when it is running; two runners would take turns batch by batch. */
	Optional<BulkJob.Running> lockRunning(long id) {
		return jdbc.sql(BulkJob.Running.SELECT + " WHERE id = ? AND status = 'RUNNING' FOR UPDATE")
			.param(id)
			.query(BulkJob.Running::from)
			.optional();
	}

	Optional<Long> oldestRunning() {
		return jdbc.sql("SELECT id FROM bulk_jobs WHERE status = 'RUNNING' ORDER BY id LIMIT 1").query(Long.class).optional();
	}

	/**
	 * The next batch by keyset: records after the last one handled, still without an outcome; one more than asked
	 * for when there are more, so the caller knows whether the job goes on without asking again.
	 */
	List<Long> nextBatch(long jobId, long after, int size) {
		return jdbc.sql("""
				SELECT record_id FROM bulk_job_records
				WHERE job_id = ? AND record_id > ? AND outcome = 'PENDING'
				ORDER BY record_id LIMIT ?""").params(jobId, after, size + 1).query(Long.class).list();
	}

	/** For an undo: the status change of each record that the undone job made. */
	Map<Long, OffsetDateTime> expectations(long jobId, List<Long> ids) {
		Map<Long, OffsetDateTime> expected = new HashMap<>();
		jdbc.sql("SELECT record_id, expect_changed_at FROM bulk_job_records WHERE job_id = :job"
				+ " AND record_id = ANY (CAST(:ids AS bigint[])) AND expect_changed_at IS NOT NULL")
			.param("job", jobId)
			.param("ids", Selection.array(ids))
			.query(rs -> {
				expected.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
			});
		return expected;
	}

	/** One record's outcome. A done record keeps the time of its status change (this transaction's now()). */
	RecordOutcome outcome(long jobId, long recordId, RecordOutcome outcome, @Nullable String reason,
			@Nullable String detail) {
		jdbc.sql("""
				UPDATE bulk_job_records SET outcome = ?, reason = ?, detail = ?,
				       changed_at = CASE WHEN ? = 'DONE' THEN now() END
				WHERE job_id = ? AND record_id = ? AND outcome = 'PENDING'""")
			.params(outcome.name(), reason, detail, outcome.name(), jobId, recordId)
			.update();
		return outcome;
	}

	/**
	 * Moves the keyset on and adds the batch's counts; a job with no record left pending ({@code more} false, as
	 * {@link #nextBatch} found under the job's lock) is done. Returns {@code more}.
	 */
	boolean progress(long jobId, long lastRecordId, RecordOutcome.Counts counts, boolean more) {
		jdbc.sql("""
				UPDATE bulk_jobs SET last_record_id = :last, done = done + :done, skipped = skipped + :skipped,
				       failed = failed + :failed,
				       status = CASE WHEN :more THEN status ELSE 'DONE' END,
				       finished_at = CASE WHEN :more THEN NULL ELSE clock_timestamp() END
				WHERE id = :job""")
			.param("job", jobId)
			.param("last", lastRecordId)
			.param("done", counts.done())
			.param("skipped", counts.skipped())
			.param("failed", counts.failed())
			.param("more", more)
			.update();
		return more;
	}

	/** A job whose approval came, or that has nothing left to do: moved, if its status allows the move. */
	void move(long jobId, BulkJobStatus from, BulkJobStatus to) {
		BulkJobStatus status = from.moveTo(to);
		jdbc.sql("""
				UPDATE bulk_jobs SET status = :status,
				       started_at = CASE WHEN :status = 'RUNNING' THEN now() ELSE started_at END,
				       finished_at = CASE WHEN :status IN ('DONE', 'REJECTED') THEN now() END
				WHERE id = :id AND status = :from""")
			.param("status", status.name())
			.param("from", from.name())
			.param("id", jobId)
			.update();
	}

	void holdForApproval(long jobId, long approvalRequestId) {
		jdbc.sql("UPDATE bulk_jobs SET approval_request_id = ? WHERE id = ?").params(approvalRequestId, jobId).update();
	}

	/** The job asked for by this approval request, locked, if it still waits. */
	Optional<Long> lockWaiting(long jobId) {
		return jdbc.sql("SELECT id FROM bulk_jobs WHERE id = ? AND status = 'PENDING_APPROVAL' FOR UPDATE")
			.param(jobId)
			.query(Long.class)
			.optional();
	}

}
