package org.backroom.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.approval.ApprovalRequest;
import org.backroom.approval.ApprovalRequests;
import org.backroom.audit.AuditErasure;
import org.backroom.audit.AuditTrail;
import org.backroom.audit.PersonalData;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.settings.SettingsService;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasing a person, in one transaction: the record is locked, every refusal checked, then the record, its snapshots
 * and the audit entries that carry its data are blanked and the record becomes ERASED. Nothing else changes: no
 * order, line, amount, stock movement or report total.
 */
@Service
class ErasureService {

	private final List<Erasable> kinds;

	private final Snapshots snapshots;

	private final AuditErasure auditErasure;

	private final AuditTrail audit;

	private final SettingsService settings;

	private final ApprovalRequests approvals;

	ErasureService(List<Erasable> kinds, Snapshots snapshots, AuditErasure auditErasure, AuditTrail audit,
			SettingsService settings, ApprovalRequests approvals) {
		this.kinds = kinds;
		this.snapshots = snapshots;
		this.auditErasure = auditErasure;
		this.audit = audit;
		this.settings = settings;
		this.approvals = approvals;
	}

	/** What erasing would blank, and whether it may happen now. */
	record Preview(String recordKind, long recordId, String label, LifecycleStatus status, List<String> fields,
			Map<String, Long> copies, int auditEntries, @Nullable Hold legalHold, boolean allowed,
			@Nullable String refusal, @Nullable String refusalType) {
	}

	/** A legal hold as the record shows it. */
	record Hold(String reason, String since) {
	}

	/** The erasure done: the entry that recorded it and what it blanked. */
	record Erased(String recordKind, long recordId, String label, long auditEntry, int auditEntriesBlanked,
			Map<String, Long> copies) {
	}

	@PreAuthorize("@permissions.require('privacy.erase')")
	@Transactional(readOnly = true)
	Preview preview(String path, long id) {
		Erasable kind = byPath(path);
		Person person = kind.read(id, false);
		Optional<Refusal> refusal = refusal(kind, person);
		return new Preview(kind.kind(), id, person.label(), person.status(), kind.fields(), kind.copies(person),
				auditErasure.preview(kind.personalData(person)), hold(person), refusal.isEmpty(),
				refusal.map(Refusal::getMessage).orElse(null), refusal.map(Refusal::slug).orElse(null));
	}

	/** Erases now, or asks for approval when the store wants one: then the request, and nothing else changed. */
	@PreAuthorize("@permissions.require('privacy.erase')")
	@Transactional
	Object erase(String path, long id, String reason) {
		Erasable kind = byPath(path);
		Person person = kind.read(id, true);
		refuse(kind, person);
		if (settings.approvalRequired(kind.kind() + ".erase")) {
			return approvals.ask(kind.kind() + ".erase", kind.kind(), id, kind.personalData(person).scrub(reason));
		}
		return run(kind, person, reason, Map.of());
	}

	/** An approved request: the record's state is checked again, under lock, in the approver's transaction. */
	@Transactional
	void approved(ApprovalRequest request) {
		Erasable kind = byName(request.recordKind());
		Person person = kind.read(request.recordId(), true);
		refuse(kind, person);
		run(kind, person, request.reason() + " (approval request " + request.id() + ")", Map.of());
	}

	/** Why the person cannot be erased now, if they cannot: what a bulk erasure's preview reports. */
	@Transactional(readOnly = true)
	Optional<Refusal> refusal(String kindName, long id) {
		Erasable kind = byName(kindName);
		return refusal(kind, kind.read(id, false));
	}

	/**
	 * One record of a bulk erasure, whose starter had {@code privacy.erase} (and its approval where the store wants
	 * one): in the job's batch, locked and checked again as a single erasure is, and audited with the job's facts.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void eraseForJob(String kindName, long id, String reason, Map<String, Object> job) {
		Erasable kind = byName(kindName);
		Person person = kind.read(id, true);
		refuse(kind, person);
		run(kind, person, reason, job);
	}

	private Erased run(Erasable kind, Person person, String reason, Map<String, Object> context) {
		PersonalData data = kind.personalData(person);
		String scrubbed = data.scrub(reason);
		Map<String, Long> copies = kind.copies(person);
		kind.blank(person, scrubbed);
		snapshots.blank(data);
		Map<String, Object> facts = new LinkedHashMap<>(context);
		facts.put("status", Map.of("from", person.status().name(), "to", LifecycleStatus.ERASED.name()));
		facts.put("blanked", kind.fields());
		facts.putAll(copies);
		AuditErasure.Erased erased = auditErasure.erase(data, scrubbed, facts);
		return new Erased(kind.kind(), person.id(), kind.read(person.id(), false).label(), erased.entry(),
				erased.blanked(), copies);
	}

	@PreAuthorize("@permissions.require('privacy.erase')")
	@Transactional
	Hold hold(String path, long id, String reason) {
		Erasable kind = byPath(path);
		Person person = kind.read(id, true);
		if (person.status() == LifecycleStatus.ERASED) {
			throw new ErasureRefusals.AlreadySo(person, "is erased; there is nothing left to hold.");
		}
		if (person.onHold()) {
			throw new ErasureRefusals.AlreadySo(person, "is already under a legal hold (" + person.holdReason() + ").");
		}
		kind.setHold(id, reason);
		audit.record(kind.kind() + ".legal-hold", kind.kind(), id, reason, Map.of("legalHold", true));
		return Optional.ofNullable(hold(kind.read(id, false))).orElseThrow();
	}

	@PreAuthorize("@permissions.require('privacy.erase')")
	@Transactional
	void release(String path, long id, String reason) {
		Erasable kind = byPath(path);
		Person person = kind.read(id, true);
		if (!person.onHold()) {
			throw new ErasureRefusals.AlreadySo(person, "is not under a legal hold.");
		}
		kind.setHold(id, null);
		audit.record(kind.kind() + ".legal-hold-release", kind.kind(), id, reason,
				Map.of("legalHold", Map.of("from", true, "to", false)));
	}

	Erasable byPath(String path) {
		return kinds.stream().filter(kind -> kind.path().equals(path)).findFirst()
			.orElseThrow(() -> new RecordNotFound(path, 0));
	}

	Erasable byName(String name) {
		return kinds.stream().filter(kind -> kind.kind().equals(name)).findFirst()
			.orElseThrow(() -> new RecordNotFound(name, 0));
	}

	private void refuse(Erasable kind, Person person) {
		Optional<Refusal> refusal = refusal(kind, person);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
	}

	private static Optional<Refusal> refusal(Erasable kind, Person person) {
		if (person.status() == LifecycleStatus.ERASED) {
			return Optional.of(new ErasureRefusals.AlreadySo(person, "is already erased."));
		}
		if (person.system()) {
			return Optional.of(new ErasureRefusals.NotErasable(person, "is a system record and is never erased."));
		}
		if (person.onHold()) {
			return Optional.of(new ErasureRefusals.LegalHold(person, kind.kind()));
		}
		return kind.unsettled(person);
	}

	private static @Nullable Hold hold(Person person) {
		return person.holdReason() == null ? null
				: new Hold(person.holdReason(), String.valueOf(person.holdSince()));
	}

}
