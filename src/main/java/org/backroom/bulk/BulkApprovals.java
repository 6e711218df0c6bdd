package org.backroom.bulk;

import org.backroom.approval.ApprovableAction;

import org.springframework.stereotype.Component;

/**
 * Bulk jobs as approval requests see them ({@code record_kind = 'bulk-job'}): approving one starts the job once the
 * approver's transaction commits; rejecting one ends it without touching a record.
 */
@Component
class BulkApprovals implements ApprovableAction {

	private final BulkJobs jobs;

	private final BulkRunner runner;

	BulkApprovals(BulkJobs jobs, BulkRunner runner) {
		this.jobs = jobs;
		this.runner = runner;
	}

	@Override
	public String recordKind() {
		return BulkJobService.RECORD_KIND;
	}

	@Override
	public void approved(long jobId) {
		jobs.lockWaiting(jobId).ifPresent(id -> {
			jobs.move(id, BulkJobStatus.PENDING_APPROVAL, BulkJobStatus.RUNNING);
			runner.startAfterCommit();
		});
	}

	@Override
	public void rejected(long jobId) {
		jobs.lockWaiting(jobId).ifPresent(id -> jobs.move(id, BulkJobStatus.PENDING_APPROVAL, BulkJobStatus.REJECTED));
	}

}
