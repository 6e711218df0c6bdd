package org.backroom.approval;

import io.swagger.v3.oas.annotations.Operation;
import org.backroom.lifecycle.Reason;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Approval requests as JSON: the approver's inbox, and the decisions. */
@Tag(name = "approvals")
@RestController
class ApprovalApi {

	private final ApprovalService approvals;

	ApprovalApi(ApprovalService approvals) {
		this.approvals = approvals;
	}

	@Operation(operationId = "listApprovals", summary = "Approval requests, newest first; status filters them")
	@GetMapping("/api/approvals")
	Page<ApprovalRequest> list(@RequestParam(defaultValue = "pending") String status,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return approvals.list(status, cursor, Page.limit(limit));
	}

	@Operation(operationId = "getApproval", summary = "One approval request")
	@GetMapping("/api/approvals/{id}")
	ApprovalRequest get(@PathVariable long id) {
		return approvals.get(id);
	}

	@Operation(operationId = "approveRequest",
			summary = "Approve a pending request: the held action is carried out now")
	@PostMapping("/api/approvals/{id}/approve")
	ApprovalRequest approve(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return approvals.approve(id, Reason.require(body == null ? null : body.reason()));
	}

	@Operation(operationId = "rejectRequest", summary = "Reject a pending request: the held action is not carried out")
	@PostMapping("/api/approvals/{id}/reject")
	ApprovalRequest reject(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return approvals.reject(id, Reason.require(body == null ? null : body.reason()));
	}

}
