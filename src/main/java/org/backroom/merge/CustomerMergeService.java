package org.backroom.merge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.backroom.merge.MergeRefusals.MergeRefused;
import org.backroom.merge.MergeRequest.Checked;
import org.backroom.settings.SettingsService;
import org.backroom.staff.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging customers: the preview, the merge (or its approval request), each step of it. A step locks both rows,
 * moves the duplicate to MERGED through the lifecycle, lets the survivor take the chosen fields and the open
 * balance, audits all of it and keeps both rows' snapshots for {@link CustomerUnmerge}. No order row is touched.
 */
@Service
class CustomerMergeService {

	static final String ACTION = "customer.merge";

	static final String REQUEST_KIND = "customer-merge";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MergeChecks checks;

	private final Merges merges;

	private final CustomerMerging customers;

	private final Merging lifecycle;

	private final AuditTrail audit;

	private final SettingsService settings;

	// A provider: approvals call back into this service (MergeApprovals), so it is looked up when first asked.
	private final ObjectProvider<ApprovalRequests> approvals;

	CustomerMergeService(MergeChecks checks, Merges merges, CustomerMerging customers, Merging lifecycle,
			AuditTrail audit, SettingsService settings, ObjectProvider<ApprovalRequests> approvals) {
		this.checks = checks;
		this.merges = merges;
		this.customers = customers;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.settings = settings;
		this.approvals = approvals;
	}

	/** The survivor after the merge, or the request that waits for approval. */
	record Outcome(@Nullable Customer survivor, @Nullable ApprovalRequest pending) {
	}

	@PreAuthorize("@permissions.require('customer.merge')")
	@Transactional(readOnly = true)
	MergePreview preview(long survivorId, List<Long> duplicateIds) {
		return checks.preview(survivorId, duplicateIds);
	}

	@PreAuthorize("@permissions.require('customer.merge')")
	@Transactional
	Outcome merge(long survivorId, MergeRequest request) {
		Checked checked = request.check(survivorId);
		Set<Long> all = new LinkedHashSet<>(checked.duplicateIds());
		all.add(survivorId);
		customers.lock(all);
		refuseUnlessAllowed(survivorId, checked.duplicateIds());
		String fields = JSON.writeValueAsString(request.fields() == null ? Map.of() : request.fields());
		String me = me();
		if (settings.approvalRequired(ACTION)) {
			List<Long> waiting = new ArrayList<>();
			checked.duplicateIds().forEach(id -> waiting.add(merges.waiting(survivorId, id, fields, checked.reason(), me)));
			ApprovalRequest pending = approvals.getObject().ask(ACTION, REQUEST_KIND, waiting.get(0), checked.reason());
			merges.joinRequest(waiting, waiting.get(0));
			return new Outcome(null, pending);
		}
		for (long duplicateId : checked.duplicateIds()) {
			step(survivorId, duplicateId, checked.fieldsFrom(duplicateId), checked.reason(), fields, me, null);
		}
		return new Outcome(find(survivorId), null);
	}

	/** Runs a merge that was approved, its records checked again under lock. */
	@Transactional
	void approved(long requestId) {
		List<Merges.Merge> waiting = merges.ofRequest(requestId);
		if (waiting.isEmpty()) {
			return;
		}
		long survivorId = waiting.get(0).survivorId();
		Set<Long> all = new LinkedHashSet<>();
		waiting.forEach(merge -> all.add(merge.duplicateId()));
		all.add(survivorId);
		customers.lock(all);
		refuseUnlessAllowed(survivorId, waiting.stream().map(Merges.Merge::duplicateId).toList());
		for (Merges.Merge merge : waiting) {
			Map<String, Object> fields = JSON.readValue(merge.fields(), Map.class);
			Checked checked = new MergeRequest(waiting.stream().map(Merges.Merge::duplicateId).toList(), fields,
					merge.reason()).check(survivorId);
			step(survivorId, merge.duplicateId(), checked.fieldsFrom(merge.duplicateId()), merge.reason(),
					merge.fields(), merge.requestedBy(), merge.id());
		}
	}

	@Transactional
	void rejected(long requestId) {
		merges.rejectRequest(requestId);
	}

	private void refuseUnlessAllowed(long survivorId, List<Long> duplicateIds) {
		MergePreview preview = checks.preview(survivorId, duplicateIds);
		if (!preview.allowed()) {
			throw new MergeRefused(preview.refused());
		}
	}

	private void step(long survivorId, long duplicateId, Set<String> fromDuplicate, String reason, String fields,
			String requestedBy, @Nullable Long waitingId) {
		String duplicateBefore = customers.snapshot(duplicateId);
		String survivorBefore = customers.snapshot(survivorId);
		Customer before = find(survivorId);
		lifecycle.merge(customers.kind(), duplicateId, survivorId, reason, Map.of("requestedBy", requestedBy));
		BigDecimal moved = customers.absorb(survivorId, duplicateId, fromDuplicate);
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("absorbed", duplicateId);
		changes.putAll(Changes.between(before, find(survivorId)));
		audit.record("customer.merge-survivor", "customer", survivorId, reason, changes);
		if (moved.signum() != 0) {
			// The recorded transfer of the open balance: no order is edited to move it.
			audit.record("customer.balance-transfer", "customer", survivorId, reason,
					Map.of("from", duplicateId, "to", survivorId, "amount", MergePreview.money(moved)));
		}
		merges.done(waitingId, survivorId, duplicateId, fields, reason, requestedBy, duplicateBefore, survivorBefore,
				customers.snapshot(survivorId), moved);
	}

	private Customer find(long id) {
		return customers.find(id).orElseThrow(() -> new RecordNotFound("customer", id));
	}

	static String me() {
		return StaffPrincipal.current().map(StaffPrincipal::username)
			.orElseThrow(() -> new IllegalStateException("No staff user is signed in"));
	}

	static LifecycleStatus statusIn(String snapshot) {
		return LifecycleStatus.valueOf(JSON.readTree(snapshot).path("status").asString());
	}

}
