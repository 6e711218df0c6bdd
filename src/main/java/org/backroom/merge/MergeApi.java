package org.backroom.merge;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.approval.ApprovalRequest;
import org.backroom.customer.Customer;
import org.backroom.lifecycle.Reason;
import org.backroom.merge.MergeAnswers.Dismissal;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Duplicates, merge and unmerge of customers as JSON. */
@Tag(name = "merge")
@RestController
@RequestMapping("/api/customers")
class MergeApi {

	private final DuplicateService duplicates;

	private final MergeService merges;

	private final Unmerge unmerges;

	private final CustomerKind kind;

	MergeApi(DuplicateService duplicates, MergeService merges, Unmerge unmerges, CustomerKind kind) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.unmerges = unmerges;
		this.kind = kind;
	}

	@Operation(operationId = "listCustomerDuplicates",
			summary = "Likely duplicate pairs (same email, phone, tax number, or similar names), keyset-paged")
	@GetMapping("/duplicates")
	Page<DuplicatePair> duplicates(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return duplicates.find(kind, cursor, Page.limit(limit));
	}

	@Operation(operationId = "dismissCustomerDuplicate", summary = "Not a duplicate: the pair is never proposed again")
	@PostMapping("/duplicates/dismissals")
	ResponseEntity<Map<String, Object>> dismiss(@RequestBody Dismissal body) {
		return MergeAnswers.dismissed(duplicates.dismiss(kind, body.ids(), body.reason()), body.ids());
	}

	@Operation(operationId = "previewCustomerMerge",
			summary = "What a merge into this survivor would move, what conflicts, and what is refused")
	@GetMapping("/{survivorId}/merge/preview")
	MergePreview preview(@PathVariable long survivorId, @RequestParam List<Long> duplicateIds) {
		return merges.preview(kind, survivorId, duplicateIds);
	}

	@Operation(operationId = "mergeCustomers",
			summary = "Merge the duplicates into this survivor; 202 with the approval request when one is needed")
	@PostMapping("/{survivorId}/merge")
	ResponseEntity<Object> merge(@PathVariable long survivorId, @RequestBody MergeRequest body) {
		MergeService.Outcome outcome = merges.merge(kind, survivorId, body);
		return MergeAnswers.done(outcome.pending(), outcome.survivor());
	}

	@Operation(operationId = "unmergeCustomer",
			summary = "Undo the merge of this duplicate: both customers exactly as they were; 202 with the approval"
					+ " request when one is needed")
	@ApiResponse(responseCode = "200", description = "Unmerged: the customer as it is back",
			content = @Content(schema = @Schema(implementation = Customer.class)))
	@ApiResponse(responseCode = "202", description = "Waits for approval: the pending request; Location names it",
			content = @Content(schema = @Schema(implementation = ApprovalRequest.class)))
	@PostMapping("/{duplicateId}/unmerge")
	ResponseEntity<Object> unmerge(@PathVariable long duplicateId, @RequestBody(required = false) @Nullable Reason body) {
		Unmerge.Outcome outcome = unmerges.unmerge(kind, duplicateId, body == null ? null : body.reason());
		return MergeAnswers.done(outcome.pending(), outcome.restored());
	}

}
