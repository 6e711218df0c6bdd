package org.backroom.imports;

import java.util.List;
import java.util.Optional;

import org.backroom.audit.AuditTrail;
import org.backroom.imports.ImportJobRows.Outcome;
import org.backroom.imports.ImportJobRows.PendingRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch of a job, in one transaction: the next rows by keyset, written by their kind ({@link ImportWrites}) or,
 * for the records an undo removes, through the lifecycle ({@link ImportRemovals}); their outcomes, the job's
 * progress, and one audit entry per record written with the job's id. All of it commits together or not at all, so
 * a job stopped anywhere resumes without writing a row twice.
 */
@Component
class ImportBatch {

	private static final Logger log = LoggerFactory.getLogger(ImportBatch.class);

	private final ImportJobs jobs;

	private final ImportJobRows rows;

	private final ImportKinds kinds;

	private final ImportWrites writes;

	private final ImportRemovals removals;

	private final AuditTrail audit;

	private final ImportSettings settings;

	private final TransactionTemplate batch;

	private final TransactionTemplate oneRow;

	ImportBatch(ImportJobs jobs, ImportJobRows rows, ImportKinds kinds, ImportWrites writes, ImportRemovals removals,
			AuditTrail audit, ImportSettings settings, PlatformTransactionManager transactions) {
		this.jobs = jobs;
		this.rows = rows;
		this.kinds = kinds;
		this.writes = writes;
		this.removals = removals;
		this.audit = audit;
		this.settings = settings;
		this.batch = new TransactionTemplate(transactions);
		// A savepoint per row when a batch runs again row by row: a row the database refuses fails alone.
		this.oneRow = new TransactionTemplate(transactions);
		this.oneRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Runs the job's next batch; false when the job has nothing left (or is not running). A batch the set-based
	 * statements could not write (a barcode another row already uses, say) runs again one row at a time, so that only
	 * that row fails.
	 */
	boolean runNext(long jobId) {
		try {
			return Boolean.TRUE.equals(batch.execute(status -> run(jobId, true)));
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Import {}: a batch failed set-based; it runs again one row at a time", jobId, ex);
			return Boolean.TRUE.equals(batch.execute(status -> run(jobId, false)));
		}
	}

	private boolean run(long jobId, boolean together) {
		Optional<ImportJobs.Running> locked = jobs.lockRunning(jobId);
		if (locked.isEmpty()) {
			return false;
		}
		ImportJobs.Running job = locked.get();
		List<PendingRow> rows = this.rows.nextBatch(jobId, job.lastLine(), settings.batchSize());
		if (rows.isEmpty()) {
			return jobs.progress(jobId, job.lastLine(), List.of());
		}
		ImportableKind kind = kinds.byName(job.recordKind());
		ImportWrites.Result result = ImportWrites.Result.empty();
		List<PendingRow> removed = rows.stream().filter(row -> row.action().equals("REMOVE")).toList();
		List<PendingRow> written = rows.stream().filter(row -> !row.action().equals("REMOVE")).toList();
		if (!written.isEmpty()) {
			result.add(together ? writes.apply(job, kind, written) : oneByOne(job, kind, written));
		}
		result.outcomes().addAll(removals.remove(job, removed));
		this.rows.write(jobId, result.outcomes());
		boolean more = jobs.progress(jobId, rows.get(rows.size() - 1).line(), result.outcomes());
		// Last: the records were locked first, then the audit entries go in (the one lock order).
		audit.recordAll(result.entries());
		return more;
	}

	private ImportWrites.Result oneByOne(ImportJobs.Running job, ImportableKind kind, List<PendingRow> rows) {
		ImportWrites.Result result = ImportWrites.Result.empty();
		for (PendingRow row : rows) {
			try {
				result.add(oneRow.execute(status -> writes.apply(job, kind, List.of(row))));
			}
			catch (DuplicateKeyException ex) {
				result.outcomes().add(failed(row, "Another " + kind.kind() + " already has one of its unique values."));
			}
			catch (TransientDataAccessException | DataAccessResourceFailureException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				log.warn("Import {}: line {} failed", job.id(), row.line(), ex);
				result.outcomes().add(failed(row, "Unexpected error; see the server log."));
			}
		}
		return result;
	}

	private static Outcome failed(PendingRow row, String detail) {
		return new Outcome(row.line(), "FAILED", row.recordId(), detail, null, null);
	}

}
