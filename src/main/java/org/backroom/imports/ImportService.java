package org.backroom.imports;

import java.util.List;

import org.backroom.imports.ImportPreview.SampleRow;
import org.backroom.imports.ImportRefusals.NoSuchImport;
import org.backroom.imports.ImportRefusals.NotNow;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing a file: the dry run, the start of a checked file, following it, and its undo. Every step checks the
 * permissions first and changes nothing when it refuses.
 */
@Service
class ImportService {

	private final ImportKinds kinds;

	private final ImportPlanner planner;

	private final ImportJobs jobs;

	private final ImportRunner runner;

	ImportService(ImportKinds kinds, ImportPlanner planner, ImportJobs jobs, ImportRunner runner) {
		this.kinds = kinds;
		this.planner = planner;
		this.jobs = jobs;
		this.runner = runner;
	}

	/**
	 * Checks the file and answers what it would do; writes no record. A file without errors is kept as a preview,
	 * with the version of every record it matched, until it is started.
	 */
	@Transactional
	ImportPreview preview(String path, @Nullable String fileName, byte[] file) {
		ImportableKind kind = kinds.byPath(path);
		kinds.requireImport(kind);
		ImportPlanner.Plan plan = planner.plan(kind, CsvFile.read(file));
		int toCreate = (int) plan.rows().stream().filter(row -> row.action().equals("CREATE")).count();
		Long id = plan.errors().isEmpty() ? jobs.insertPreview(kind.kind(), fileName, me(), plan.rows()) : null;
		List<SampleRow> sample = plan.rows().stream().limit(ImportPreview.SAMPLE)
			.map(row -> new SampleRow(row.line(), row.action(), row.recordId(), row.expectVersion(), row.cells()))
			.toList();
		return new ImportPreview(id, kind.kind(), fileName, kind.columns(), plan.total(), toCreate,
				plan.rows().size() - toCreate, plan.errors().size(),
				plan.errors().subList(0, Math.min(plan.errors().size(), ImportPreview.MAX_ERRORS)), sample);
	}

	/** Starts a checked file in the background; follow it with {@link #get}. */
	@Transactional
	ImportJob start(long id) {
		ImportJob job = jobs.lock(id).orElseThrow(() -> new NoSuchImport(id));
		kinds.requireImport(kinds.byName(job.recordKind()));
		if (job.undoOf() != null || !jobs.start(id, me())) {
			throw new NotNow("Import " + id + " was already started; upload the file again to import it again.");
		}
		runner.startAfterCommit();
		return get(id);
	}

	@Transactional(readOnly = true)
	ImportJob get(long id) {
		ImportJob job = jobs.find(id).orElseThrow(() -> new NoSuchImport(id));
		kinds.requireImport(kinds.byName(job.recordKind()));
		return job;
	}

	@Transactional(readOnly = true)
	List<ImportJob> newest() {
		return jobs.newest(20).stream().filter(job -> kinds.mayImport(kinds.byName(job.recordKind()))).toList();
	}

	/**
	 * Undoes a finished import in the background: each record it updated gets its values back, unless someone
	 * changed it since (a conflict, left as it is); each it created goes to the trash through the lifecycle, or
	 * is deactivated when something already refers to it.
	 */
	@Transactional
	ImportJob undo(long id, String reason) {
		ImportJob job = jobs.lock(id).orElseThrow(() -> new NoSuchImport(id));
		kinds.requireUndo(kinds.byName(job.recordKind()));
		if (job.undoOf() != null) {
			throw new NotNow("Job " + id + " is an undo; an undo is not undone. Import the file again instead.");
		}
		if (job.undoneBy() != null) {
			throw new NotNow("Import " + id + " was already undone by job " + job.undoneBy() + ".");
		}
		if (!job.done()) {
			throw new NotNow("Import " + id + " can be undone once it is done; it is " + job.status() + ".");
		}
		long undo = jobs.insertUndo(job, me(), reason);
		runner.startAfterCommit();
		return get(undo);
	}

	private static String me() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		return signedIn == null ? "system" : signedIn.getName();
	}

}
