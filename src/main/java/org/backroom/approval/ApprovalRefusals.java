package org.backroom.approval;

import org.springframework.http.HttpStatus;

import org.backroom.web.Refusal;

/** Why a decision on an approval request is refused. */
final class ApprovalRefusals {

	private ApprovalRefusals() {
	}

	/** A request that was already decided, or expired. */
	static final class NotPending extends Refusal {

		NotPending(ApprovalRequest request) {
			super("invalid-transition", HttpStatus.CONFLICT, "Already " + request.status().word(),
					"Approval request " + request.id() + " is " + request.status().word()
							+ (request.decidedBy() != null ? " (by " + request.decidedBy() + ")" : "")
							+ "; only a pending request can be decided.");
			with("requestStatus", request.status().name());
		}

	}

	/** Four eyes: the requester cannot decide their own request. */
	static final class OwnRequest extends Refusal {

		OwnRequest() {
			super("forbidden", HttpStatus.FORBIDDEN, "Your own request",
					"Nobody approves or rejects their own request; another person must decide it.");
		}

	}

}
