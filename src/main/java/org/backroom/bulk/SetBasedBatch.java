package org.backroom.bulk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.Transition;
import org.backroom.platform.StoreMetrics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch moved through the lifecycle set-based, in the batch's transaction, with its records already locked and
 * their facts read: one UPDATE of the eligible rows (which re-asserts their status in its WHERE), one statement for
 * every outcome, and the audit entries, one per changed record, handed back to be recorded as the batch's last
 * write. It makes the same decisions as a click would for kinds without a guard of their own (see
 * {@link #handles}); the rest go one by one through the shared lifecycle.
 */
@Component
class SetBasedBatch {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	SetBasedBatch(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/** What a batch did: its counts, and the audit entries still to record. */
	record Result(RecordOutcome.Counts counts, List<AuditTrail.Entry> entries) {
	}

	/** One record's outcome as written, in JSON for the multi-row statement. */
	private record Outcome(long id, RecordOutcome outcome, @Nullable String reason, @Nullable String detail) {
	}

	/**
	 * Whether this batch may skip the shared lifecycle's per-record path: the facts of {@link RecordFacts#skip} are
	 * then all the lifecycle would check (state machine, system record, dependents for a delete).
	 */
	static boolean handles(RecordKind kind) {
		return kind.guard() == RecordKind.Guard.NONE;
	}

	Result apply(BulkJob.Running job, RecordKind kind, List<RecordFacts> facts, Map<Long, OffsetDateTime> expected) {
		List<Outcome> outcomes = new ArrayList<>(facts.size());
		Map<Long, LifecycleStatus> eligible = eligible(job, facts, expected, outcomes);
		Set<Long> changed = change(kind, job.action(), job.reason(), eligible.keySet());
		List<AuditTrail.Entry> entries = new ArrayList<>(changed.size());
		RecordOutcome.Counts counts = RecordOutcome.Counts.NONE;
		for (var record : eligible.entrySet()) {
			if (changed.contains(record.getKey())) {
				outcomes.add(new Outcome(record.getKey(), RecordOutcome.DONE, null, null));
				entries.add(entry(job, kind, record.getKey(), record.getValue()));
				metrics.transition(kind.name(), job.action().verb());
			}
			else {
				// Locked and checked, so the UPDATE cannot miss it; if it ever did, the record says so.
				outcomes.add(new Outcome(record.getKey(), RecordOutcome.FAILED, "error",
						"Unexpected error; see the server log."));
			}
		}
		for (Outcome outcome : outcomes) {
			counts = counts.plus(outcome.outcome());
		}
		write(job.id(), outcomes);
		return new Result(counts, entries);
	}

	/** The records the transition may change, with their status; the others go to {@code outcomes} as skipped. */
	private static Map<Long, LifecycleStatus> eligible(BulkJob.Running job, List<RecordFacts> facts,
			Map<Long, OffsetDateTime> expected, List<Outcome> outcomes) {
		Map<Long, LifecycleStatus> eligible = new LinkedHashMap<>();
		for (RecordFacts record : facts) {
			Optional<RecordFacts.Skip> skip = record.skip(job.action(), expected.get(record.id()));
			if (skip.isPresent()) {
				outcomes.add(new Outcome(record.id(), RecordOutcome.SKIPPED, skip.get().reason(), skip.get().detail()));
			}
			else {
				eligible.put(record.id(), record.status());
			}
		}
		return eligible;
	}

	/** The transition of every eligible row in one statement; the ids it changed. */
	private Set<Long> change(RecordKind kind, BulkAction action, String reason, Set<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Transition transition = action.transition();
		List<Long> changed = jdbc.sql("UPDATE " + kind.table() + " SET status = :status, status_reason = :reason,"
				+ " status_changed_at = now(), version = version + 1, updated_at = now()"
				+ " WHERE id = ANY (CAST(:ids AS bigint[])) AND status = ANY (CAST(:from AS text[]))"
				+ " AND NOT (is_system AND :cleansUp) RETURNING id")
			.param("status", String.valueOf(transition.target()))
			.param("reason", reason)
			.param("ids", Selection.array(ids))
			.param("from", startingStatuses(transition))
			.param("cleansUp", action.cleansUp())
			.query(Long.class)
			.list();
		return new HashSet<>(changed);
	}

	/**
	 * Every outcome of the batch, in at most two statements: the records done, named by their ids, then the others,
	 * each finding its reason in a JSON object by its id. A done record keeps this transaction's now(), as its row
	 * does. Both name the rows by the primary key ({@code record_id = ANY}), so no join is left for the planner to
	 * misjudge: a job of 100,000 has no statistics yet in its first batches, and joined to the outcomes as a set, the
	 * planner once read every one of the job's rows (or the batch's, once per outcome) for each outcome, 30 s for a
	 * batch of 1,000.
	 */
	private void write(long jobId, List<Outcome> outcomes) {
		List<Long> done = new ArrayList<>();
		Map<String, Outcome> others = new LinkedHashMap<>();
		for (Outcome outcome : outcomes) {
			if (outcome.outcome() == RecordOutcome.DONE) {
				done.add(outcome.id());
			}
			else {
				others.put(String.valueOf(outcome.id()), outcome);
			}
		}
		if (!done.isEmpty()) {
			jdbc.sql(DONE).param("job", jobId).param("ids", Selection.array(done)).update();
		}
		if (!others.isEmpty()) {
			jdbc.sql(OTHERS)
				.param("job", jobId)
				.param("ids", Selection.array(others.values().stream().map(Outcome::id).toList()))
				.param("outcomes", JSON.writeValueAsString(others))
				.update();
		}
	}

	static final String DONE = """
			UPDATE bulk_job_records SET outcome = 'DONE', changed_at = now()
			WHERE job_id = :job AND record_id = ANY (CAST(:ids AS bigint[])) AND outcome = 'PENDING'""";

	static final String OTHERS = """
			WITH given AS MATERIALIZED (SELECT CAST(:outcomes AS jsonb) AS outcomes)
			UPDATE bulk_job_records r SET outcome = g.outcomes -> CAST(r.record_id AS text) ->> 'outcome',
			       reason = g.outcomes -> CAST(r.record_id AS text) ->> 'reason',
			       detail = g.outcomes -> CAST(r.record_id AS text) ->> 'detail'
			FROM given AS g
			WHERE r.job_id = :job AND r.record_id = ANY (CAST(:ids AS bigint[])) AND r.outcome = 'PENDING'""";

	/** The entry a single transition writes (see {@code Lifecycle#change}), with the job's facts. */
	private static AuditTrail.Entry entry(BulkJob.Running job, RecordKind kind, long id, LifecycleStatus from) {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("bulkJob", job.id());
		if (job.undoOf() != null) {
			changes.put("undoOf", job.undoOf());
		}
		// The job runs without its requester's sign-in (the actor is "system"): this names who asked for it.
		changes.put("requestedBy", job.requestedBy());
		changes.put("status", new Changes.Change(from, job.action().transition().target()));
		return new AuditTrail.Entry(kind.name() + "." + job.action().verb(), kind.name(), id, job.reason(), changes);
	}

	private static String startingStatuses(Transition transition) {
		return Arrays.stream(LifecycleStatus.values())
			.filter(transition::startsFrom)
			.map(Enum::name)
			.reduce((a, b) -> a + "," + b)
			.map(list -> "{" + list + "}")
			.orElse("{}");
	}

}
