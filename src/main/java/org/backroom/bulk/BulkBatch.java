package org.backroom.bulk;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.authorized.AuthorizedTransitions;
import org.backroom.platform.StoreMetrics;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch of a job, in one transaction: the next records by keyset, locked and re-checked, moved set-based
 * ({@link SetBasedBatch}) or, for a kind with a guard of its own, each through {@link AuthorizedTransitions} (the
 * same state machine as a single click); their outcomes, the job's progress, and one audit entry per changed
 * record with the job's id. All of it commits together or not at all, so a job stopped anywhere
 * resumes without doing a record twice.
 */
@Component
class BulkBatch {

	private static final Logger log = LoggerFactory.getLogger(BulkBatch.class);

	private final BulkJobs jobs;

	private final Selection selection;

	private final RecordKinds kinds;

	private final AuthorizedTransitions transitions;

	private final BulkSettings settings;

	private final TransactionTemplate batch;

	private final TransactionTemplate oneRecord;

	private final StoreMetrics metrics;

	private final SetBasedBatch sets;

	private final AuditTrail audit;

	private final ObjectProvider<BulkEraser> eraser;

	BulkBatch(BulkJobs jobs, Selection selection, RecordKinds kinds, AuthorizedTransitions transitions,
			BulkSettings settings, PlatformTransactionManager transactions, StoreMetrics metrics, SetBasedBatch sets,
			AuditTrail audit, ObjectProvider<BulkEraser> eraser) {
		this.eraser = eraser;
		this.metrics = metrics;
		this.sets = sets;
		this.audit = audit;
		this.jobs = jobs;
		this.selection = selection;
		this.kinds = kinds;
		this.transitions = transitions;
		this.settings = settings;
		this.batch = new TransactionTemplate(transactions);
		// A savepoint per record: a record the lifecycle refuses rolls back alone, not the batch.
		this.oneRecord = new TransactionTemplate(transactions);
		this.oneRecord.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Runs the job's next batch; false when the job has nothing left (or is not running). A batch the set-based
	 * path could not finish (an unexpected error in one record's data, say) runs again one record at a time, so
	 * that only that record fails.
	 */
	boolean runNext(long jobId) {
		try {
			return Boolean.TRUE.equals(batch.execute(status -> run(jobId, true)));
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Bulk job {}: a batch failed set-based; it runs again one record at a time", jobId, ex);
			return Boolean.TRUE.equals(batch.execute(status -> run(jobId, false)));
		}
	}

	private boolean run(long jobId, boolean setBased) {
		Optional<BulkJob.Running> locked = jobs.lockRunning(jobId);
		if (locked.isEmpty()) {
			return false;
		}
		BulkJob.Running job = locked.get();
		List<Long> next = jobs.nextBatch(jobId, job.lastRecordId(), settings.batchSize());
		if (next.isEmpty()) {
			return jobs.progress(jobId, job.lastRecordId(), RecordOutcome.Counts.NONE, false);
		}
		boolean more = next.size() > settings.batchSize();
		List<Long> ids = more ? next.subList(0, settings.batchSize()) : next;
		RecordKind kind = kinds.byName(job.recordKind());
		// The records first, in id order: the one lock order.
		selection.lock(kind, ids);
		List<RecordFacts> facts = selection.facts(kind, job.action(), ids, job.cutoff());
		Map<Long, OffsetDateTime> expected = job.undoOf() == null ? Map.of() : jobs.expectations(jobId, ids);
		// An erasure is no transition: each record goes through the erasure feature, one by one.
		SetBasedBatch.Result result = setBased && !job.action().erases() && SetBasedBatch.handles(kind)
				? sets.apply(job, kind, facts, expected) : oneByOne(job, kind, facts, expected);
		RecordOutcome.Counts counts = result.counts();
		metrics.bulkBatch(job.recordKind(), job.action().name().toLowerCase(Locale.ROOT), counts.done(),
				counts.skipped(), counts.failed());
		jobs.progress(jobId, ids.get(ids.size() - 1), counts, more);
		// Last, after the changes it describes (recording takes no lock: the sealer chains the entries after commit).
		audit.recordAll(result.entries());
		return more;
	}

	/** The batch one record at a time, each transition audited as it runs. */
	private SetBasedBatch.Result oneByOne(BulkJob.Running job, RecordKind kind, List<RecordFacts> facts,
			Map<Long, OffsetDateTime> expected) {
		RecordOutcome.Counts counts = RecordOutcome.Counts.NONE;
		for (RecordFacts record : facts) {
			counts = counts.plus(process(job, kind, record, expected.get(record.id())));
		}
		return new SetBasedBatch.Result(counts, List.of());
	}

	private RecordOutcome process(BulkJob.Running job, RecordKind kind, RecordFacts record, @Nullable OffsetDateTime expected) {
		Optional<RecordFacts.Skip> skip = record.skip(job.action(), expected);
		if (skip.isPresent()) {
			return jobs.outcome(job.id(), record.id(), RecordOutcome.SKIPPED, skip.get().reason(), skip.get().detail());
		}
		try {
			oneRecord.executeWithoutResult(status -> apply(job, kind, record.id()));
			return jobs.outcome(job.id(), record.id(), RecordOutcome.DONE, null, null);
		}
		catch (Refusal refusal) {
			return jobs.outcome(job.id(), record.id(), RecordOutcome.SKIPPED, refusal.slug(), refusal.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Bulk job {}: {} {} failed", job.id(), kind.name(), record.id(), ex);
			return jobs.outcome(job.id(), record.id(), RecordOutcome.FAILED, "error",
					"Unexpected error; see the server log.");
		}
	}

	/**
	 * One record through the shared lifecycle (or the erasure feature), which writes its audit entry with the job's
	 * facts added.
	 */
	private void apply(BulkJob.Running job, RecordKind kind, long id) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("bulkJob", job.id());
		if (job.undoOf() != null) {
			context.put("undoOf", job.undoOf());
		}
		// The job runs without its requester's sign-in (the actor is "system"): this names who asked for it.
		context.put("requestedBy", job.requestedBy());
		if (job.action().erases()) {
			BulkPlanner.eraser(eraser).erase(kind.name(), id, job.reason(), context);
		}
		else {
			transitions.apply(kind, id, job.action().transition(), job.reason(), context);
		}
	}

}
