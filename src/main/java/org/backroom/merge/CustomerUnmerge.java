package org.backroom.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.backroom.approval.ApprovalRequest;
import org.backroom.approval.ApprovalRequests;
import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.customer.Customer;
import org.backroom.customer.CustomerMerging;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.Merging;
import org.backroom.lifecycle.Reason;
import org.backroom.merge.MergeRefusals.NotMerged;
import org.backroom.merge.MergeRefusals.UnmergeBlocked;
import org.backroom.settings.SettingsService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoing a merge: both rows go back exactly to their snapshots (fields, status, balance, version), as long as
 * nothing since depends on the merge; the merge's row goes, and the audit trail keeps both entries. When the
 * settings say {@code customer.unmerge} needs approval, the checks run and the request waits; approving it runs the
 * unmerge with every check made again.
 */
@Service
class CustomerUnmerge {

	static final String ACTION = "customer.unmerge";

	private final Merges merges;

	private final CustomerMerging customers;

	private final Merging lifecycle;

	private final AuditTrail audit;

	private final SettingsService settings;

	// A provider: approvals call back into this service (UnmergeApprovals), so it is looked up when first asked.
	private final ObjectProvider<ApprovalRequests> approvals;

	CustomerUnmerge(Merges merges, CustomerMerging customers, Merging lifecycle, AuditTrail audit,
			SettingsService settings, ObjectProvider<ApprovalRequests> approvals) {
		this.merges = merges;
		this.customers = customers;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.settings = settings;
		this.approvals = approvals;
	}

	/** The customer as it is back, or the request that waits for approval. */
	record Outcome(@Nullable Customer restored, @Nullable ApprovalRequest pending) {
	}

	@PreAuthorize("@permissions.require('customer.merge')")
	@Transactional
	Outcome unmerge(long duplicateId, @Nullable String reason) {
		String why = Reason.require(reason);
		Merges.Merge merge = checked(duplicateId);
		if (settings.approvalRequired(ACTION)) {
			return new Outcome(null, approvals.getObject().ask(ACTION, "customer", duplicateId, why));
		}
		return new Outcome(apply(duplicateId, merge, why), null);
	}

	/** Runs an unmerge that was approved, its records checked again under lock. */
	@Transactional
	void approved(ApprovalRequest request) {
		apply(request.recordId(), checked(request.recordId()), request.reason());
	}

	/** The merge to undo, with both rows locked, or the refusal that says why it cannot be undone. */
	private Merges.Merge checked(long duplicateId) {
		find(duplicateId);
		Merges.Merge merge = merges.doneOf(duplicateId).orElseThrow(() -> new NotMerged(duplicateId));
		long survivorId = merge.survivorId();
		customers.lock(Set.of(duplicateId, survivorId));
		Customer duplicate = find(duplicateId);
		if (duplicate.status() != LifecycleStatus.MERGED || !Objects.equals(duplicate.mergedInto(), survivorId)) {
			throw new NotMerged(duplicateId);
		}
		List<String> dependsOn = dependsOn(merge);
		if (!dependsOn.isEmpty()) {
			throw new UnmergeBlocked(duplicate.name() + " (" + duplicate.code() + ")", dependsOn);
		}
		return merge;
	}

	private Customer apply(long duplicateId, Merges.Merge merge, String why) {
		long survivorId = merge.survivorId();
		String duplicateBefore = Objects.requireNonNull(merge.duplicateBefore());
		lifecycle.unmerge(customers.kind(), duplicateId, CustomerMergeService.statusIn(duplicateBefore), why,
				Map.of("survivor", survivorId, "balanceReturned", MergePreview.money(
						Objects.requireNonNull(merge.balanceMoved()))));
		Customer survivorNow = find(survivorId);
		customers.restore(duplicateId, duplicateBefore);
		customers.restore(survivorId, Objects.requireNonNull(merge.survivorBefore()));
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("released", duplicateId);
		changes.putAll(Changes.between(survivorNow, find(survivorId)));
		audit.record("customer.unmerge-survivor", "customer", survivorId, why, changes);
		merges.remove(merge.id());
		return find(duplicateId);
	}

	/** What was done since the merge that an unmerge would undo or break, in words; empty when nothing. */
	private List<String> dependsOn(Merges.Merge merge) {
		List<String> found = new ArrayList<>();
		long survivorId = merge.survivorId();
		merges.laterInto(survivorId, merge.id()).forEach(later -> found.add("customer " + later.duplicateId()
				+ " was merged into the same survivor later; unmerge it first"));
		if (!customers.unchangedSince(survivorId, Objects.requireNonNull(merge.survivorAfter())) && found.isEmpty()) {
			long[] sales = merges.salesSince(survivorId, merge.mergedInstant());
			found.add(sales[1] > 0
					? sales[1] + " credit sale(s) on the survivor (customer " + survivorId
							+ ") since the merge used the combined balance"
					: "the survivor (customer " + survivorId + ") was changed since the merge");
		}
		return found;
	}

	private Customer find(long id) {
		return customers.find(id).orElseThrow(() -> new RecordNotFound("customer", id));
	}

}
