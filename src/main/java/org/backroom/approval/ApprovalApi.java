package org.backroom.approval;

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

	@GetMapping("/api/approvals")
	Page<ApprovalRequest> list(@RequestParam(defaultValue = "pending") String status,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return approvals.list(status, cursor, Page.limit(limit));
	}

	@GetMapping("/api/approvals/{id}")
	ApprovalRequest get(@PathVariable long id) {
		return approvals.get(id);
	}

	@PostMapping("/api/approvals/{id}/approve")
	ApprovalRequest approve(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return approvals.approve(id, Reason.require(body == null ? null : body.reason()));
	}

	@PostMapping("/api/approvals/{id}/reject")
	ApprovalRequest reject(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return approvals.reject(id, Reason.require(body == null ? null : body.reason()));
	}

}
