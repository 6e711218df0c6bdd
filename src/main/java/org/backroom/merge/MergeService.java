package org.backroom.merge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.backroom.approval.ApprovalRequest;
import org.backroom.approval.ApprovalRequests;
import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.Merging;
import org.backroom.merge.MergeRefusals.MergeRefused;
import org.backroom.merge.MergeRequest.Checked;
import org.backroom.settings.SettingsService;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging records of one kind: the preview, the merge (or its approval request), each step of it. A step locks both
 * rows, moves the duplicate to MERGED through the lifecycle, lets the survivor take the chosen fields and the amount
 * (a customer's open balance, an item's stock), audits all of it and keeps both rows' snapshots for
 * {@link Unmerge}. No order row is touched.
 */
@Service
class MergeService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MergeChecks checks;

	private final Merges merges;

	private final Merging lifecycle;

	private final AuditTrail audit;

	private final SettingsService settings;

	// A provider: approvals call back into this service (MergeApprovals), so it is looked up when first asked.
	private final ObjectProvider<ApprovalRequests> approvals;

	MergeService(MergeChecks checks, Merges merges, Merging lifecycle, AuditTrail audit, SettingsService settings,
			ObjectProvider<ApprovalRequests> approvals) {
		this.checks = checks;
		this.merges = merges;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.settings = settings;
		this.approvals = approvals;
	}

	/** The survivor after the merge (the kind's API view), or the request that waits for approval. */
	record Outcome(@Nullable Object survivor, @Nullable ApprovalRequest pending) {
	}

	/** The approval requests of a kind's merges name this record kind: {@code customer-merge}. */
	static String requestKind(MergeKind kind) {
		return kind.name() + "-merge";
	}

	@PreAuthorize("@permissions.require(#kind.name() + '.merge')")
	@Transactional(readOnly = true)
	MergePreview preview(MergeKind kind, long survivorId, List<@Nullable Long> duplicateIds) {
		// A query string such as "?duplicateIds=+" binds to a list holding null.
		if (duplicateIds.isEmpty() || duplicateIds.stream().anyMatch(Objects::isNull)) {
			throw ValidationFailed.of("duplicateIds", "must name one or more records by id");
		}
		return checks.preview(kind, survivorId, duplicateIds.stream().map(Objects::requireNonNull).toList());
	}

	@PreAuthorize("@permissions.require(#kind.name() + '.merge')")
	@Transactional
	Outcome merge(MergeKind kind, long survivorId, MergeRequest request) {
		Checked checked = request.check(kind, survivorId);
		Set<Long> all = new LinkedHashSet<>(checked.duplicateIds());
		all.add(survivorId);
		kind.lock(all);
		refuseUnlessAllowed(kind, survivorId, checked.duplicateIds());
		String fields = JSON.writeValueAsString(request.fields() == null ? Map.of() : request.fields());
		String me = me();
		if (settings.approvalRequired(kind.name() + ".merge")) {
			List<Long> waiting = new ArrayList<>();
			checked.duplicateIds().forEach(id -> waiting.add(merges.waiting(kind, survivorId, id, fields,
					checked.reason(), me)));
			ApprovalRequest pending = approvals.getObject().ask(kind.name() + ".merge", requestKind(kind),
					waiting.get(0), checked.reason());
			merges.joinRequest(kind, waiting, waiting.get(0));
			return new Outcome(null, pending);
		}
		for (long duplicateId : checked.duplicateIds()) {
			step(kind, new Step(survivorId, duplicateId, checked.fieldsFrom(duplicateId), checked.reason(), fields, me),
					null);
		}
		return new Outcome(find(kind, survivorId).view(), null);
	}

	/** Runs a merge that was approved, its records checked again under lock. */
	@Transactional
	void approved(MergeKind kind, long requestId) {
		List<Merges.Merge> waiting = merges.ofRequest(kind, requestId);
		if (waiting.isEmpty()) {
			return;
		}
		long survivorId = waiting.get(0).survivorId();
		List<Long> duplicateIds = waiting.stream().map(Merges.Merge::duplicateId).toList();
		Set<Long> all = new LinkedHashSet<>(duplicateIds);
		all.add(survivorId);
		kind.lock(all);
		refuseUnlessAllowed(kind, survivorId, duplicateIds);
		for (Merges.Merge merge : waiting) {
			Map<String, Object> fields = JSON.readValue(merge.fields(), Map.class);
			Checked checked = new MergeRequest(duplicateIds, fields, merge.reason()).check(kind, survivorId);
			step(kind, new Step(survivorId, merge.duplicateId(), checked.fieldsFrom(merge.duplicateId()),
					merge.reason(), merge.fields(), merge.requestedBy()), merge.id());
		}
	}

	@Transactional
	void rejected(MergeKind kind, long requestId) {
		merges.rejectRequest(kind, requestId);
	}

	private void refuseUnlessAllowed(MergeKind kind, long survivorId, List<Long> duplicateIds) {
		MergePreview preview = checks.preview(kind, survivorId, duplicateIds);
		if (!preview.allowed()) {
			throw new MergeRefused(kind, preview.refused());
		}
	}

	/** One duplicate folded into the survivor: which fields it gives, why, and who asked. */
	private record Step(long survivorId, long duplicateId, Set<String> fromDuplicate, String reason, String fields,
			String requestedBy) {
	}

	private void step(MergeKind kind, Step step, @Nullable Long waitingId) {
		long survivorId = step.survivorId();
		long duplicateId = step.duplicateId();
		String duplicateBefore = kind.snapshot(duplicateId);
		String survivorBefore = kind.snapshot(survivorId);
		Object before = find(kind, survivorId).view();
		lifecycle.merge(kind.kind(), duplicateId, survivorId, step.reason(), Map.of("requestedBy", step.requestedBy()));
		BigDecimal moved = kind.absorb(survivorId, duplicateId, step.fromDuplicate());
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("absorbed", duplicateId);
		changes.putAll(Changes.between(before, find(kind, survivorId).view()));
		audit.record(kind.name() + ".merge-survivor", kind.name(), survivorId, step.reason(), changes);
		kind.moved(duplicateId, survivorId, moved).ifPresent(entry ->
				audit.record(entry.action(), kind.name(), survivorId, step.reason(), entry.changes()));
		merges.done(kind, waitingId, survivorId, duplicateId, step.fields(), step.reason(), step.requestedBy(),
				duplicateBefore, survivorBefore, kind.snapshot(survivorId), moved);
	}

	static MergeRecord find(MergeKind kind, long id) {
		return kind.find(id).orElseThrow(() -> new RecordNotFound(kind.name(), id));
	}

	static String me() {
		return StaffPrincipal.current().map(StaffPrincipal::username)
			.orElseThrow(() -> new IllegalStateException("No staff user is signed in"));
	}

	static LifecycleStatus statusIn(String snapshot) {
		return LifecycleStatus.valueOf(JSON.readTree(snapshot).path("status").asString());
	}

}
