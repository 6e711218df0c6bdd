package org.backroom.merge;

import org.backroom.approval.ApprovableAction;

import org.springframework.stereotype.Component;

/**
 * Merges as approval requests see them ({@code record_kind = 'customer-merge'}, the id of the request's first
 * merge row): approving runs the merge in the approver's transaction, its records checked again.
 */
@Component
class MergeApprovals implements ApprovableAction {

	private final CustomerMergeService merges;

	MergeApprovals(CustomerMergeService merges) {
		this.merges = merges;
	}

	@Override
	public String recordKind() {
		return CustomerMergeService.REQUEST_KIND;
	}

	@Override
	public void approved(long recordId) {
		merges.approved(recordId);
	}

	@Override
	public void rejected(long recordId) {
		merges.rejected(recordId);
	}

}
