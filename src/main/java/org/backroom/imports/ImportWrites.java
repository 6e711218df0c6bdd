package org.backroom.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.imports.ImportJobRows.Outcome;
import org.backroom.imports.ImportJobRows.PendingRow;
import org.backroom.imports.ImportableKind.Change;
import org.backroom.imports.ImportableKind.EditOutcome;
import org.backroom.imports.ImportableKind.Edited;
import org.backroom.imports.ImportableKind.Written;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The rows of an import batch written by their kind, set-based: one statement for the updates (the records locked
 * in id order first, each checked against the version the preview read), one for the creates; each row's outcome
 * and, for each record written, the audit entry to record with the job's id.
 */
@Component
class ImportWrites {

	/** What a batch wrote: every row's outcome, and the audit entries still to record. */
	record Result(List<Outcome> outcomes, List<AuditTrail.Entry> entries) {

		static Result empty() {
			return new Result(new ArrayList<>(), new ArrayList<>());
		}

		void add(Result other) {
			outcomes.addAll(other.outcomes());
			entries.addAll(other.entries());
		}

	}

	Result apply(ImportJobs.Running job, ImportableKind kind, List<PendingRow> rows) {
		Result result = Result.empty();
		List<PendingRow> updates = rows.stream().filter(row -> !row.action().equals("CREATE")).toList();
		List<PendingRow> creates = rows.stream().filter(row -> row.action().equals("CREATE")).toList();
		if (!updates.isEmpty()) {
			result.add(update(job, kind, updates));
		}
		if (!creates.isEmpty()) {
			result.add(create(job, kind, creates));
		}
		return result;
	}

	/** Updates, or for an undo puts back the values before the import: each only at the version expected. */
	Result update(ImportJobs.Running job, ImportableKind kind, List<PendingRow> rows) {
		List<Edited> edits = kind.update(rows.stream()
			.map(row -> new Change(Objects.requireNonNull(row.recordId()), Objects.requireNonNull(row.expectVersion()),
					row.cells()))
			.toList());
		Result result = Result.empty();
		for (int i = 0; i < rows.size(); i++) {
			PendingRow row = rows.get(i);
			Edited edit = edits.get(i);
			if (edit.outcome() == EditOutcome.CONFLICT) {
				result.outcomes().add(new Outcome(row.line(), "CONFLICT", edit.id(), edit.detail(), null, null));
			}
			else if (edit.outcome() == EditOutcome.UNCHANGED) {
				result.outcomes().add(new Outcome(row.line(), "UNCHANGED", edit.id(), null, null, edit.version()));
			}
			else {
				String outcome = job.undoOf() == null ? "UPDATED" : "REVERTED";
				result.outcomes().add(new Outcome(row.line(), outcome, edit.id(), null, edit.before(), edit.version()));
				result.entries().add(new AuditTrail.Entry(kind.kind() + ".update", kind.kind(), edit.id(), job.reason(),
						changes(job, row, differences(edit))));
			}
		}
		return result;
	}

	private Result create(ImportJobs.Running job, ImportableKind kind, List<PendingRow> rows) {
		List<@Nullable Written> written = kind.create(rows.stream().map(PendingRow::cells).toList());
		Result result = Result.empty();
		for (int i = 0; i < rows.size(); i++) {
			PendingRow row = rows.get(i);
			Written record = written.get(i);
			if (record == null) {
				result.outcomes().add(new Outcome(row.line(), "CONFLICT", null, "Its " + kind.keyColumn()
						+ " (or another value that must be unique) was taken since the preview.", null, null));
				continue;
			}
			result.outcomes().add(new Outcome(row.line(), "CREATED", record.id(), null, null, record.version()));
			Map<String, Object> values = new LinkedHashMap<>();
			record.cells().forEach((column, value) -> {
				if (value != null) {
					values.put(column, value);
				}
			});
			result.entries().add(new AuditTrail.Entry(kind.kind() + ".create", kind.kind(), record.id(), null,
					changes(job, row, values)));
		}
		return result;
	}

	private static Map<String, Changes.Change> differences(Edited edit) {
		Map<String, Changes.Change> changes = new LinkedHashMap<>();
		Map<String, @Nullable String> before = Objects.requireNonNull(edit.before());
		Objects.requireNonNull(edit.after()).forEach((column, value) -> {
			if (!Objects.equals(before.get(column), value)) {
				changes.put(column, new Changes.Change(before.get(column), value));
			}
		});
		return changes;
	}

	/** The job's facts first: the job runs without its requester's sign-in, so this names who asked for it. */
	static Map<String, Object> changes(ImportJobs.Running job, PendingRow row, Map<String, ?> values) {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("importJob", job.id());
		if (job.undoOf() != null) {
			changes.put("undoOf", job.undoOf());
		}
		changes.put("requestedBy", job.requestedBy());
		changes.put("line", row.line());
		changes.putAll(values);
		return changes;
	}

}
