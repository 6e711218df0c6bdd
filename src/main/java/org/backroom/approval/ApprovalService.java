package org.backroom.approval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backroom.approval.ApprovalRefusals.NotPending;
import org.backroom.approval.ApprovalRefusals.OwnRequest;
import org.backroom.approval.ApprovalRequest.Status;
import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.Lifecycle;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.Transition;
import org.backroom.lifecycle.TransitionGate;
import org.backroom.lifecycle.authorized.AuthorizedTransitions;
import org.backroom.settings.SettingsService;
import org.backroom.permission.Permissions;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes approvals. When the settings say an action needs approval, asking for it records a pending request;
 * another user with {@code approval.decide} approves it (the action then runs in that same transaction, with the
 * record's state checked again) or rejects it. Requests expire unanswered.
 */
@Service
class ApprovalService implements TransitionGate, ApprovalRequests {

	private final JdbcClient jdbc;

	private final SettingsService settings;

	private final Permissions permissions;

	private final Lifecycle lifecycle;

	private final AuthorizedTransitions transitions;

	private final RecordKinds kinds;

	private final ApprovalSettings approvalSettings;

	private final AuditTrail audit;

	private final List<ApprovableAction> ownActions;

	private final ApprovalInbox inbox;

	ApprovalService(JdbcClient jdbc, SettingsService settings, Permissions permissions, Lifecycle lifecycle,
			AuthorizedTransitions transitions, RecordKinds kinds, ApprovalSettings approvalSettings, AuditTrail audit, List<ApprovableAction> ownActions,
			ApprovalInbox inbox) {
		this.audit = audit;
		this.ownActions = ownActions;
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.settings = settings;
		this.permissions = permissions;
		this.lifecycle = lifecycle;
		this.transitions = transitions;
		this.kinds = kinds;
		this.approvalSettings = approvalSettings;
	}

	@Override
	@Transactional
	public Optional<ApprovalRequest> hold(RecordKind kind, long id, Transition transition, String reason) {
		String action = kind.name() + "." + transition.verb();
		if (!settings.approvalRequired(action)) {
			return Optional.empty();
		}
		// Asking needs the permission the action itself needs, and a record the action could run on now.
		permissions.require(action);
		lifecycle.requireAllowed(kind, id, transition);
		return Optional.of(ask(action, kind.name(), id, reason));
	}

	@Override
	@Transactional
	public ApprovalRequest ask(String action, String recordKind, long recordId, String reason) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO approval_requests (action, record_kind, record_id, reason, requested_by, expires_at)
				VALUES (?, ?, ?, ?, ?, now() + make_interval(secs => ?))""")
			.params(action, recordKind, recordId, reason, me().id(), approvalSettings.expireAfter().toSeconds())
			.update(keys, "id");
		ApprovalRequest request = get(keys.getKeyAs(Long.class));
		audit.record("approval.request", recordKind, recordId, reason,
				Map.of("approvalRequest", request.id(), "action", action));
		return request;
	}

	@PreAuthorize("@permissions.require('approval.decide')")
	@Transactional
	ApprovalRequest approve(long id, String reason) {
		ApprovalRequest request = lockPending(id);
		decide(request, Status.APPROVED, reason);
		// The action first, the decision's audit entry after it: the action locks its record, and the lock order
		// (see AuditTrail) puts record rows before the audit chain. Audited first, this deadlocked with an edit.
		Optional<ApprovableAction> own = ownAction(request);
		if (own.isPresent()) {
			own.get().approved(request);
		}
		else {
			RecordKind kind = kinds.byName(request.recordKind());
			Transition transition = Transition.valueOf(request.action()
				.substring(request.action().indexOf('.') + 1)
				.toUpperCase(Locale.ROOT));
			transitions.apply(kind, request.recordId(), transition, request.reason(),
					Map.of("approvalRequest", id, "requestedBy", request.requestedBy()));
		}
		audit.record("approval.approve", request.recordKind(), request.recordId(), reason,
				Map.of("approvalRequest", id, "action", request.action(), "requestedBy", request.requestedBy()));
		return get(id);
	}

	@PreAuthorize("@permissions.require('approval.decide')")
	@Transactional
	ApprovalRequest reject(long id, String reason) {
		ApprovalRequest request = lockPending(id);
		decide(request, Status.REJECTED, reason);
		ownAction(request).ifPresent(action -> action.rejected(request.recordId()));
		audit.record("approval.reject", request.recordKind(), request.recordId(), reason,
				Map.of("approvalRequest", id, "action", request.action(), "requestedBy", request.requestedBy()));
		return get(id);
	}

	/** One request: for its requester, or for anyone who decides requests. */
	@Transactional(readOnly = true)
	ApprovalRequest get(long id) {
		ApprovalRequest request = find(id).orElseThrow(() -> new RecordNotFound("approval request", id));
		if (!permissions.has("approval.decide") && !request.requestedBy().equals(me().username())) {
			throw new RecordNotFound("approval request", id);
		}
		return request;
	}

	/** The approver's inbox (all requests), or one's own requests for those who do not decide. */
	@Transactional(readOnly = true)
	Page<ApprovalRequest> list(String status, @Nullable String cursor, int limit) {
		return inbox.list(status, cursor, limit, permissions.has("approval.decide") ? null : me().id());
	}

	/** Marks requests whose time ran out, so the inbox and the record's history say so. */
	@Scheduled(fixedDelayString = "${backroom.approvals.expiry-check:60s}")
	@Transactional
	public void expire() {
		jdbc.sql("UPDATE approval_requests SET status = 'EXPIRED' WHERE status = 'PENDING' AND expires_at <= now()")
			.update();
	}

	/** The feature action whose requests name this record kind, when it is not a lifecycle transition. */
	private Optional<ApprovableAction> ownAction(ApprovalRequest request) {
		return ownActions.stream().filter(action -> action.handles(request.action(), request.recordKind())).findFirst();
	}

	private Optional<ApprovalRequest> find(long id) {
		return jdbc.sql(ApprovalRequest.SELECT + " WHERE a.id = ?").param(id).query(ApprovalRequest::from).optional();
	}

	// FOR UPDATE: two approvers deciding at once are served one after the other; the second sees the decision.
	private ApprovalRequest lockPending(long id) {
		jdbc.sql("SELECT id FROM approval_requests WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
		ApprovalRequest request = find(id).orElseThrow(() -> new RecordNotFound("approval request", id));
		if (!request.status().decidable()) {
			throw new NotPending(request);
		}
		return request;
	}

	private void decide(ApprovalRequest request, Status decision, String reason) {
		if (!request.status().canMoveTo(decision)) {
			throw new NotPending(request);
		}
		StaffPrincipal me = me();
		if (request.requestedBy().equals(me.username())) {
			throw new OwnRequest();
		}
		jdbc.sql("""
				UPDATE approval_requests SET status = ?, decided_by = ?, decided_at = now(), decision_reason = ?
				WHERE id = ?""").params(decision.name(), me.id(), reason, request.id()).update();
	}

	private static StaffPrincipal me() {
		return StaffPrincipal.current().orElseThrow(() -> new IllegalStateException("No staff user is signed in"));
	}

}
