package org.backroom.merge;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.customer.Customer;
import org.backroom.lifecycle.Reason;
import org.backroom.web.Page;
import org.backroom.web.Preconditions;
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

	private final CustomerMergeService merges;

	private final CustomerUnmerge unmerges;

	MergeApi(DuplicateService duplicates, CustomerMergeService merges, CustomerUnmerge unmerges) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.unmerges = unmerges;
	}

	@Operation(operationId = "listCustomerDuplicates",
			summary = "Likely duplicate pairs (same email, phone, tax number, or similar names), keyset-paged")
	@GetMapping("/duplicates")
	Page<DuplicatePair> duplicates(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return duplicates.find(cursor, Page.limit(limit));
	}

	/** Two customers someone says are not one. */
	record Dismissal(@Nullable List<Long> ids, @Nullable String reason) {
	}

	@Operation(operationId = "dismissCustomerDuplicate", summary = "Not a duplicate: the pair is never proposed again")
	@PostMapping("/duplicates/dismissals")
	ResponseEntity<Map<String, Object>> dismiss(@RequestBody Dismissal body) {
		boolean dismissed = duplicates.dismiss(body.ids(), body.reason());
		return ResponseEntity.status(dismissed ? 201 : 200).body(Map.of("ids", body.ids(), "dismissed", true));
	}

	@Operation(operationId = "previewCustomerMerge",
			summary = "What a merge into this survivor would move, what conflicts, and what is refused")
	@GetMapping("/{survivorId}/merge/preview")
	MergePreview preview(@PathVariable long survivorId, @RequestParam List<Long> duplicateIds) {
		return merges.preview(survivorId, duplicateIds);
	}

	@Operation(operationId = "mergeCustomers",
			summary = "Merge the duplicates into this survivor; 202 with the approval request when one is needed")
	@PostMapping("/{survivorId}/merge")
	ResponseEntity<Object> merge(@PathVariable long survivorId, @RequestBody MergeRequest body) {
		CustomerMergeService.Outcome outcome = merges.merge(survivorId, body);
		if (outcome.pending() != null) {
			return ResponseEntity.accepted()
				.location(URI.create("/api/approvals/" + outcome.pending().id()))
				.body(outcome.pending());
		}
		Customer survivor = java.util.Objects.requireNonNull(outcome.survivor());
		return ResponseEntity.ok().eTag(Preconditions.etag(survivor.version())).body(survivor);
	}

	@Operation(operationId = "unmergeCustomer",
			summary = "Undo the merge of this duplicate: both customers exactly as they were; 202 with the approval"
					+ " request when one is needed")
	@PostMapping("/{duplicateId}/unmerge")
	ResponseEntity<Object> unmerge(@PathVariable long duplicateId, @RequestBody(required = false) @Nullable Reason body) {
		CustomerUnmerge.Outcome outcome = unmerges.unmerge(duplicateId, body == null ? null : body.reason());
		if (outcome.pending() != null) {
			return ResponseEntity.accepted()
				.location(URI.create("/api/approvals/" + outcome.pending().id()))
				.body(outcome.pending());
		}
		Customer restored = java.util.Objects.requireNonNull(outcome.restored());
		return ResponseEntity.ok().eTag(Preconditions.etag(restored.version())).body(restored);
	}

}
