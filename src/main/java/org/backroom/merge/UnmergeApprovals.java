package org.backroom.merge;

import org.backroom.approval.ApprovableAction;
import org.backroom.approval.ApprovalRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Unmerges behind four eyes ({@code customer.unmerge} in the settings' approvals): their requests name the merged
 * record itself, so they are told apart from lifecycle requests by the action. Approving runs the unmerge in the
 * approver's transaction, its records checked again; nothing changed while the request waited.
 */
@Component
class UnmergeApprovals implements ApprovableAction {

	// A provider: the unmerge asks for approvals, and the approval service calls back here.
	private final ObjectProvider<CustomerUnmerge> unmerges;

	UnmergeApprovals(ObjectProvider<CustomerUnmerge> unmerges) {
		this.unmerges = unmerges;
	}

	@Override
	public String recordKind() {
		return "customer";
	}

	@Override
	public boolean handles(String action, String recordKind) {
		return action.equals(CustomerUnmerge.ACTION) && recordKind.equals(recordKind());
	}

	@Override
	public void approved(ApprovalRequest request) {
		unmerges.getObject().approved(request);
	}

	@Override
	public void approved(long recordId) {
		throw new UnsupportedOperationException("an unmerge needs its request's reason");
	}

	@Override
	public void rejected(long recordId) {
		// Nothing was changed while the request waited: a rejected unmerge leaves the merge as it is.
	}

}
