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
 * Undoing a merge of any kind: both rows go back exactly to their snapshots (fields, status, balance, version), as
 * long as nothing since depends on the merge (an item keeps the stock that moved since, unless that is impossible);
 * the merge's row goes, and the audit trail keeps both entries. When the settings say {@code <kind>.unmerge} needs
 * approval, the checks run and the request waits; approving it runs the unmerge with every check made again.
 */
@Service
class Unmerge {

	private final Merges merges;

	private final Merging lifecycle;

	private final AuditTrail audit;

	private final SettingsService settings;

	// A provider: approvals call back into this service (UnmergeApprovals), so it is looked up when first asked.
	private final ObjectProvider<ApprovalRequests> approvals;

	Unmerge(Merges merges, Merging lifecycle, AuditTrail audit, SettingsService settings,
			ObjectProvider<ApprovalRequests> approvals) {
		this.merges = merges;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.settings = settings;
		this.approvals = approvals;
	}

	/** The record as it is back (the kind's API view), or the request that waits for approval. */
	record Outcome(@Nullable Object restored, @Nullable ApprovalRequest pending) {
	}

	static String action(MergeKind kind) {
		return kind.name() + ".unmerge";
	}

	@PreAuthorize("@permissions.require(#kind.name() + '.merge')")
	@Transactional
	Outcome unmerge(MergeKind kind, long duplicateId, @Nullable String reason) {
		String why = Reason.require(reason);
		Merges.Merge merge = checked(kind, duplicateId);
		if (settings.approvalRequired(action(kind))) {
			return new Outcome(null, approvals.getObject().ask(action(kind), kind.name(), duplicateId, why));
		}
		return new Outcome(apply(kind, merge, why), null);
	}

	/** Runs an unmerge that was approved, its records checked again under lock. */
	@Transactional
	void approved(MergeKind kind, ApprovalRequest request) {
		apply(kind, checked(kind, request.recordId()), request.reason());
	}

	/** The merge to undo, with both rows locked, or the refusal that says why it cannot be undone. */
	private Merges.Merge checked(MergeKind kind, long duplicateId) {
		MergeService.find(kind, duplicateId);
		Merges.Merge merge = merges.doneOf(kind, duplicateId).orElseThrow(() -> new NotMerged(kind, duplicateId));
		long survivorId = merge.survivorId();
		kind.lock(Set.of(duplicateId, survivorId));
		MergeRecord duplicate = MergeService.find(kind, duplicateId);
		if (duplicate.status() != LifecycleStatus.MERGED || !Objects.equals(duplicate.mergedInto(), survivorId)) {
			throw new NotMerged(kind, duplicateId);
		}
		List<String> dependsOn = dependsOn(kind, merge);
		if (!dependsOn.isEmpty()) {
			throw new UnmergeBlocked(duplicate.label(), dependsOn);
		}
		return merge;
	}

	private Object apply(MergeKind kind, Merges.Merge merge, String why) {
		long survivorId = merge.survivorId();
		long duplicateId = merge.duplicateId();
		String duplicateBefore = Objects.requireNonNull(merge.duplicateBefore());
		lifecycle.unmerge(kind.kind(), duplicateId, MergeService.statusIn(duplicateBefore), why,
				context(kind, merge));
		Object survivorNow = MergeService.find(kind, survivorId).view();
		kind.release(merge);
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("released", duplicateId);
		changes.putAll(Changes.between(survivorNow, MergeService.find(kind, survivorId).view()));
		audit.record(kind.name() + ".unmerge-survivor", kind.name(), survivorId, why, changes);
		kind.movedBack(merge).ifPresent(entry -> audit.record(entry.action(), kind.name(), duplicateId, why,
				entry.changes()));
		merges.remove(kind, merge.id());
		return MergeService.find(kind, duplicateId).view();
	}

	private static Map<String, Object> context(MergeKind kind, Merges.Merge merge) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("survivor", merge.survivorId());
		context.putAll(kind.returned(merge));
		return context;
	}

	/** What was done since the merge that an unmerge would undo or break, in words; empty when nothing. */
	private List<String> dependsOn(MergeKind kind, Merges.Merge merge) {
		List<String> found = new ArrayList<>();
		merges.laterInto(kind, merge.survivorId(), merge.id()).forEach(later -> found.add(kind.name() + " "
				+ later.duplicateId() + " was merged into the same survivor later; unmerge it first"));
		if (found.isEmpty()) {
			found.addAll(kind.undoBlocked(merge));
		}
		return found;
	}

}
