package org.backroom.bulk;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.backroom.approval.ApprovalRequest;
import org.backroom.approval.ApprovalRequests;
import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.Reason;
import org.backroom.settings.SettingsService;
import org.backroom.permission.Permissions;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Previewing, starting and undoing bulk jobs. Each needs {@code bulk.run} and the permission of the transition it
 * makes ({@code customer.deactivate}, ...); when the settings ask for approval, the job waits for it.
 */
@Service
class BulkJobService {

	static final String RECORD_KIND = "bulk-job";

	private final BulkPlanner planner;

	private final BulkJobs jobs;

	private final Permissions permissions;

	private final SettingsService settings;

	private final ApprovalRequests approvals;

	private final AuditTrail audit;

	private final BulkRunner runner;

	BulkJobService(BulkPlanner planner, BulkJobs jobs, Permissions permissions, SettingsService settings,
			ApprovalRequests approvals, AuditTrail audit, BulkRunner runner) {
		this.planner = planner;
		this.jobs = jobs;
		this.permissions = permissions;
		this.settings = settings;
		this.approvals = approvals;
		this.audit = audit;
		this.runner = runner;
	}

	@PreAuthorize("@permissions.require('bulk.run')")
	@Transactional(readOnly = true)
	Preview preview(BulkRequest request) {
		BulkRequest.Target target = request.target();
		permissions.require(target.action().permission(target.recordKind()));
		return planner.plan(target, Instant.now());
	}

	@PreAuthorize("@permissions.require('bulk.run')")
	@Transactional
	BulkJob start(BulkRequest request) {
		BulkRequest.Target target = request.target();
		permissions.require(target.action().permission(target.recordKind()));
		String reason = Reason.require(request.reason());
		Instant now = Instant.now();
		Instant asOf = request.asOf() != null && request.asOf().isBefore(now) ? request.asOf() : now;
		Preview plan = planner.plan(target, asOf);
		long id = jobs.insert(new BulkJobs.NewJob(target.recordKind(), target.action(), target.criteria(),
				BulkPlanner.cutoff(target, asOf), reason, BulkJobStatus.RUNNING, me().username(), null, null));
		jobs.addRecords(id, plan.toProcess(), plan.skipped());
		audit.record("bulk-job.create", RECORD_KIND, id, reason, Map.of("recordKind", target.recordKind(), "action",
				target.action().verb(), "criteria", target.criteria(), "toProcess", plan.toProcess().size(), "skipped",
				plan.skipped().size()));
		return launch(id, target.recordKind(), target.action(), plan.toProcess().size(), reason);
	}

	/**
	 * A new job that undoes a finished one: each record it changed, if nobody changed that record since. Once per
	 * job: a second undo would undo by hand what people did after the first.
	 */
	@PreAuthorize("@permissions.require('bulk.run')")
	@Transactional
	BulkJob undo(long undoneId, String reason) {
		BulkJob undone = jobs.lock(undoneId).orElseThrow(() -> new RecordNotFound(RECORD_KIND, undoneId));
		BulkAction action = BulkAction.valueOf(undone.action().toUpperCase(Locale.ROOT));
		if (!action.cleansUp() || undone.status() != BulkJobStatus.DONE) {
			throw new NotUndoable(undone);
		}
		jobs.undoneBy(undoneId).ifPresent(undo -> {
			throw new AlreadyUndone(undoneId, undo);
		});
		BulkAction undo = action.undo();
		permissions.require(undone.recordKind() + "." + undo.verb());
		long id = jobs.insert(new BulkJobs.NewJob(undone.recordKind(), undo, Map.of("undoOf", undoneId), null, reason,
				BulkJobStatus.RUNNING, me().username(), undoneId, null));
		int total = jobs.addUndoRecords(id, undoneId);
		audit.record("bulk-job.create", RECORD_KIND, id, reason, Map.of("recordKind", undone.recordKind(), "action",
				undo.verb(), "undoOf", undoneId, "toProcess", total));
		return launch(id, undone.recordKind(), undo, total, reason);
	}

	@PreAuthorize("@permissions.has('approval.decide') or @permissions.require('bulk.run')")
	@Transactional(readOnly = true)
	BulkJob get(long id) {
		return jobs.find(id).orElseThrow(() -> new RecordNotFound(RECORD_KIND, id));
	}

	/** Runs the job now, or holds it for approval when the store wants a second pair of eyes on it. */
	BulkJob launch(long id, String recordKind, BulkAction action, int toProcess, String reason) {
		if (toProcess == 0) {
			jobs.move(id, BulkJobStatus.RUNNING, BulkJobStatus.DONE);
		}
		else if (settings.approvalRequired(action.approvalSetting(recordKind))) {
			jobs.move(id, BulkJobStatus.RUNNING, BulkJobStatus.PENDING_APPROVAL);
			ApprovalRequest request = approvals.ask("bulk." + action.verb(), RECORD_KIND, id, reason);
			jobs.holdForApproval(id, request.id());
		}
		else {
			runner.startAfterCommit();
		}
		return get(id);
	}

	static StaffPrincipal me() {
		return StaffPrincipal.current().orElseThrow(() -> new IllegalStateException("No staff user is signed in"));
	}

	/** A job is undone once at most. */
	static final class AlreadyUndone extends Refusal {

		AlreadyUndone(long jobId, long undoJobId) {
			super("already-undone", HttpStatus.CONFLICT, "Already undone",
					"Bulk job " + jobId + " was already undone by bulk job " + undoJobId + "; a job is undone once.");
			with("undoneBy", undoJobId);
		}

	}

	/** Only a finished clean-up can be undone. */
	static final class NotUndoable extends Refusal {

		NotUndoable(BulkJob job) {
			super("invalid-transition", HttpStatus.CONFLICT, "Cannot undo this job",
					"Bulk job " + job.id() + " is " + (job.undoOf() != null ? "itself an undo" : job.status().word())
							+ "; only a finished deactivation or deletion can be undone.");
			with("jobStatus", job.status().name());
		}

	}

}
