package org.backroom.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Bulk jobs that another feature proposes for people to review and start, such as the retention review's
 * deactivation of dormant customers and erasure of long-inactive ones: built like {@code POST /api/bulk-jobs}
 * would build them, with every record's outcome so far, but left {@code PROPOSED}, never started behind anyone's
 * back. Whoever starts one needs the job's permissions, and its approval where the store wants one.
 */
@Component
public class BulkProposals {

	private final BulkProposalService proposals;

	BulkProposals(BulkProposalService proposals) {
		this.proposals = proposals;
	}

	/**
	 * A proposed job as its proposer sees it.
	 *
	 * @param page where a person reviews it, starts it or discards it
	 */
	public record Proposal(long id, String recordKind, String action, String status, int total, int toProcess,
			int skipped, String page) {

		static Proposal of(BulkJob job) {
			return new Proposal(job.id(), job.recordKind(), job.action(), job.status().name(), job.total(),
					job.total() - job.skipped(), job.skipped(), "/bulk-jobs/" + job.id());
		}

	}

	/**
	 * Proposes deactivating the active customers with no sale since that day, replacing the proposal of the same
	 * name still waiting; none when there is no such customer.
	 *
	 * @param proposedAs what proposes it, as {@code retention-review.deactivate}
	 * @param proposer the name the job and its audit entry carry, as {@code system:retention-review}
	 */
	public Optional<Proposal> deactivateDormantCustomers(LocalDate dormantSince, String reason, String proposedAs,
			String proposer) {
		return propose(new BulkRequest("customer", "deactivate", null, dormantSince, null, null, reason), proposedAs,
				proposer);
	}

	/** Proposes erasing these customers, each refused or not as a single erasure would be; none for no ids. */
	public Optional<Proposal> eraseCustomers(List<Long> ids, String reason, String proposedAs, String proposer) {
		return propose(new BulkRequest("customer", "erase", ids, null, null, null, reason), proposedAs, proposer);
	}

	private Optional<Proposal> propose(BulkRequest request, String proposedAs, String proposer) {
		return proposals.propose(request, proposedAs, proposer).map(Proposal::of);
	}

}
