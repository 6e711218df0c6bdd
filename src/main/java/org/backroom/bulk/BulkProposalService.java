package org.backroom.bulk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.Reason;
import org.backroom.permission.Permissions;
import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposed jobs: built by another feature (the retention review) with the preview's records and outcomes, and
 * then started by a person, who needs what starting such a job always needs, or discarded. Nothing happens to a
 * record of a proposal nobody starts.
 */
@Service
class BulkProposalService {

	private final BulkPlanner planner;

	private final BulkJobs jobs;

	private final ProposedJobs proposals;

	private final BulkJobService service;

	private final Permissions permissions;

	private final AuditTrail audit;

	BulkProposalService(BulkPlanner planner, BulkJobs jobs, ProposedJobs proposals, BulkJobService service,
			Permissions permissions, AuditTrail audit) {
		this.planner = planner;
		this.jobs = jobs;
		this.proposals = proposals;
		this.service = service;
		this.permissions = permissions;
		this.audit = audit;
	}

	/**
	 * Proposes the job, replacing a proposal of the same kind still waiting; none when it would have no record.
	 * No permission is checked, as nothing is done: whoever starts it needs the job's permissions then.
	 */
	@Transactional
	Optional<BulkJob> propose(BulkRequest request, String proposedAs, String proposer) {
		List<Long> replaced = proposals.discardProposals(proposedAs);
		Optional<BulkJob> job = request.ids() != null && request.ids().isEmpty() ? Optional.empty()
				: create(request.target(), Reason.require(request.reason()), proposedAs, proposer);
		for (long old : replaced) {
			audit.record("bulk-job.discard", BulkJobService.RECORD_KIND, old,
					job.map(newer -> "replaced by the newer proposal, bulk job " + newer.id())
						.orElse("replaced by a newer review that found nothing to propose"),
					Map.of("status", new Changes.Change(BulkJobStatus.PROPOSED, BulkJobStatus.DISCARDED)));
		}
		return job;
	}

	private Optional<BulkJob> create(BulkRequest.Target target, String reason, String proposedAs, String proposer) {
		Instant now = Instant.now();
		Preview plan = planner.plan(target, now);
		if (plan.total() == 0) {
			return Optional.empty();
		}
		long id = jobs.insert(new BulkJobs.NewJob(target.recordKind(), target.action(), target.criteria(),
				BulkPlanner.cutoff(target, now), reason, BulkJobStatus.PROPOSED, proposer, null, proposedAs));
		jobs.addRecords(id, plan.toProcess(), plan.skipped());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("recordKind", target.recordKind());
		facts.put("action", target.action().verb());
		facts.put("criteria", target.criteria());
		facts.put("toProcess", plan.toProcess().size());
		facts.put("skipped", plan.skipped().size());
		facts.put("status", BulkJobStatus.PROPOSED);
		audit.record("bulk-job.propose", BulkJobService.RECORD_KIND, id, reason, facts);
		return jobs.find(id);
	}

	/** Starts a proposal as its starter's own job: it runs now, or waits for approval like any job of its action. */
	@PreAuthorize("@permissions.require('bulk.run')")
	@Transactional
	BulkJob start(long id, String reason) {
		BulkJob job = proposed(id);
		BulkAction action = BulkAction.requested(job.action());
		permissions.require(action.permission(job.recordKind()));
		String why = Reason.require(reason);
		jobs.move(id, BulkJobStatus.PROPOSED, BulkJobStatus.RUNNING);
		proposals.takeOver(id, why, BulkJobService.me().username());
		audit.record("bulk-job.start", BulkJobService.RECORD_KIND, id, why, Map.of("proposedBy", job.requestedBy(),
				"status", new Changes.Change(BulkJobStatus.PROPOSED, BulkJobStatus.RUNNING)));
		return service.launch(id, job.recordKind(), action, job.total() - job.skipped(), why);
	}

	/** Discards a proposal: it will never run, and no record of it was touched. */
	@PreAuthorize("@permissions.require('bulk.run')")
	@Transactional
	BulkJob discard(long id, String reason) {
		BulkJob job = proposed(id);
		String why = Reason.require(reason);
		jobs.move(id, BulkJobStatus.PROPOSED, BulkJobStatus.DISCARDED);
		audit.record("bulk-job.discard", BulkJobService.RECORD_KIND, id, why, Map.of("proposedBy", job.requestedBy(),
				"status", new Changes.Change(BulkJobStatus.PROPOSED, BulkJobStatus.DISCARDED)));
		return service.get(id);
	}

	@PreAuthorize("@permissions.has('approval.decide') or @permissions.require('bulk.run')")
	@Transactional(readOnly = true)
	List<BulkJob> waiting() {
		return proposals.proposed();
	}

	/** A page of a job's records with their outcomes so far: what a proposal would do, or what a job did. */
	@PreAuthorize("@permissions.has('approval.decide') or @permissions.require('bulk.run')")
	@Transactional(readOnly = true)
	List<Preview.Outcome> records(long id, long after, int limit) {
		service.get(id);
		return proposals.records(id, after, limit);
	}

	private BulkJob proposed(long id) {
		return proposals.lockProposed(id).orElseThrow(() -> {
			BulkJob job = jobs.find(id).orElseThrow(() -> new RecordNotFound(BulkJobService.RECORD_KIND, id));
			return new NotProposed(job);
		});
	}

	/** Only a proposal waiting for someone can be started or discarded. */
	static final class NotProposed extends Refusal {

		NotProposed(BulkJob job) {
			super("invalid-transition", HttpStatus.CONFLICT, "Not a waiting proposal",
					"Bulk job " + job.id() + " is " + job.status().word().replace('_', ' ')
							+ "; only a proposed job can be started or discarded.");
			with("jobStatus", job.status().name());
		}

	}

}
