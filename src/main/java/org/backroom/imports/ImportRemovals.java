package org.backroom.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.imports.ImportJobRows.Outcome;
import org.backroom.imports.ImportJobRows.PendingRow;
import org.backroom.lifecycle.Lifecycle;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.Transition;
import org.backroom.lifecycle.authorized.AuthorizedTransitions;
import org.backroom.web.Refusal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records an import created, taken away by its undo through the shared lifecycle, one by one: each goes to the
 * trash (restorable there), or, when a sale or order already refers to it, is deactivated instead; each transition
 * is audited by the lifecycle with the undo's job id. Permissions were checked when the undo was asked for.
 */
@Component
class ImportRemovals {

	private final RecordKinds kinds;

	private final AuthorizedTransitions transitions;

	private final TransactionTemplate oneRecord;

	ImportRemovals(RecordKinds kinds, AuthorizedTransitions transitions, PlatformTransactionManager transactions) {
		this.kinds = kinds;
		this.transitions = transitions;
		// A savepoint per record: a record the lifecycle refuses rolls back alone, not the batch.
		this.oneRecord = new TransactionTemplate(transactions);
		this.oneRecord.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	List<Outcome> remove(ImportJobs.Running job, List<PendingRow> rows) {
		List<Outcome> outcomes = new ArrayList<>(rows.size());
		if (rows.isEmpty()) {
			return outcomes;
		}
		RecordKind kind = kinds.byName(job.recordKind());
		for (PendingRow row : rows) {
			outcomes.add(remove(job, kind, row));
		}
		return outcomes;
	}

	private Outcome remove(ImportJobs.Running job, RecordKind kind, PendingRow row) {
		long id = Objects.requireNonNull(row.recordId());
		Map<String, Object> context = ImportWrites.changes(job, row, Map.of());
		String reason = Objects.requireNonNullElse(job.reason(), "Undo of import " + job.undoOf());
		try {
			Lifecycle.Outcome done = Objects.requireNonNull(
					oneRecord.execute(status -> transitions.apply(kind, id, Transition.DELETE, reason, context)));
			return new Outcome(row.line(), done.performed() == Transition.DELETE ? "DELETED" : "DEACTIVATED", id,
					done.detail(), null, null);
		}
		catch (Refusal refusal) {
			if (!refusal.slug().equals("record-referenced")) {
				return new Outcome(row.line(), "CONFLICT", id, refusal.getMessage(), null, null);
			}
		}
		try {
			oneRecord.executeWithoutResult(status -> transitions.apply(kind, id, Transition.DEACTIVATE, reason, context));
			return new Outcome(row.line(), "DEACTIVATED", id,
					"Something already refers to it, so it was deactivated instead of deleted.", null, null);
		}
		catch (Refusal refusal) {
			return new Outcome(row.line(), "CONFLICT", id, refusal.getMessage(), null, null);
		}
	}

}
