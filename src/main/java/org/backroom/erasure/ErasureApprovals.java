package org.backroom.erasure;

import org.backroom.approval.ApprovableAction;
import org.backroom.approval.ApprovalRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Erasure behind four eyes ({@code customer.erase}, {@code staff.erase} in the settings' approvals): its requests
 * name the person's own record, so they are told apart from lifecycle requests by the action.
 */
@Component
class ErasureApprovals implements ApprovableAction {

	// A provider: the erasure service asks for approvals, and the approval service calls back here.
	private final ObjectProvider<ErasureService> erasure;

	ErasureApprovals(ObjectProvider<ErasureService> erasure) {
		this.erasure = erasure;
	}

	@Override
	public String recordKind() {
		return "customer";
	}

	@Override
	public boolean handles(String action, String recordKind) {
		return action.equals(recordKind + ".erase");
	}

	@Override
	public void approved(ApprovalRequest request) {
		erasure.getObject().approved(request);
	}

	@Override
	public void approved(long recordId) {
		throw new UnsupportedOperationException("an erasure needs its request's reason");
	}

	@Override
	public void rejected(long recordId) {
		// Nothing was changed while the request waited; a rejected erasure leaves the record as it is.
	}

}
