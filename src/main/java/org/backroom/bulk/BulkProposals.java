package org.backroom.bulk;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Bulk previews that another feature proposes for people to review and start, such as the retention review's
 * deactivation of dormant customers: the same preview as {@code POST /api/bulk-jobs/preview}, with its checks and
 * permissions, never a job started behind anyone's back.
 */
@Component
public class BulkProposals {

	private final BulkJobService jobs;

	BulkProposals(BulkJobService jobs) {
		this.jobs = jobs;
	}

	/** The preview of deactivating the active customers with no sale since that day. */
	public Object deactivateDormantCustomers(LocalDate dormantSince) {
		return jobs.preview(new BulkRequest("customer", "deactivate", null, dormantSince, null, null, null));
	}

}
