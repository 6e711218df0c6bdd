package org.backroom.lifecycle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.RecordReferenced;
import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;
import org.backroom.platform.StoreMetrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state machine of every master record, implemented once: deactivate, reactivate, delete to the trash,
 * restore and purge, each with a reason, each under a row lock so that no transaction can slip in between the
 * check and the change.
 */
@Service
public class Lifecycle {

	private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

	private final JdbcClient jdbc;

	private final LifecyclePolicy policy;

	private final AuditTrail audit;

	private final RecordRows rows;

	private final StoreMetrics metrics;

	private final TransitionChecks checks;

	Lifecycle(JdbcClient jdbc, RecordRows rows, LifecyclePolicy policy, AuditTrail audit, StoreMetrics metrics,
			TransitionChecks checks) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.policy = policy;
		this.audit = audit;
		this.metrics = metrics;
		this.checks = checks;
	}

	/** What happened: usually the transition asked for; a delete may have deactivated instead. */
	public record Outcome(long id, Transition requested, Transition performed, LifecycleStatus from,
			@Nullable LifecycleStatus to, String detail) {
	}

	@PreAuthorize("@permissions.require(#kind.name() + '.' + #transition.verb())")
	@Transactional
	public Outcome apply(RecordKind kind, long id, Transition transition, String reason) {
		return run(kind, id, transition, reason, Map.of());
	}

	/**
	 * The transition itself, in the caller's transaction: locks the record, checks the state machine and the kind's
	 * guard, probes dependents, changes the row and audits it with {@code context}. Whoever calls it has checked the
	 * permission: {@link #apply}, or {@link AuthorizedLifecycle} for approved and bulk work.
	 */
	Outcome run(RecordKind kind, long id, Transition transition, String reason, Map<String, ?> context) {
		RecordRows.Row record = rows.lock(kind, id);
		checks.refuseIfNotAllowed(kind, record, transition);
		if (transition.needsUnreferenced()) {
			Map<String, Long> dependents = checks.dependents(kind, id);
			if (!dependents.isEmpty()) {
				if (transition == Transition.DELETE && record.status() == LifecycleStatus.ACTIVE
						&& policy.deleteReferenced() == DeleteReferenced.DEACTIVATE) {
					change(kind, record, Transition.DEACTIVATE, reason, context);
					return new Outcome(id, transition, Transition.DEACTIVATE, record.status(), LifecycleStatus.INACTIVE,
							kind.title() + " " + record.label() + " is on "
									+ RecordReferenced.describe(kind, dependents)
									+ ", so it was deactivated instead of deleted: it keeps all its history.");
				}
				throw new RecordReferenced(kind, record.label(), dependents);
			}
		}
		change(kind, record, transition, reason, context);
		return new Outcome(id, transition, transition, record.status(), transition.target(),
				kind.title() + " " + record.label() + " was " + transition.pastTense() + ".");
	}

	/**
	 * Refuses now, without changing anything, a transition that could not run on this record as it is: used before
	 * asking someone to approve it.
	 */
	@Transactional(readOnly = true)
	public void requireAllowed(RecordKind kind, long id, Transition transition) {
		RecordRows.Row record = rows.read(kind, id);
		checks.refuseIfNotAllowed(kind, record, transition);
		if (transition.needsUnreferenced()) {
			Map<String, Long> dependents = checks.dependents(kind, id);
			if (!dependents.isEmpty()) {
				throw new RecordReferenced(kind, record.label(), dependents);
			}
		}
	}

	/**
	 * What each transition would do to this record now, and what points to it. Takes no lock and opens no
	 * transaction: the record, its dependents, its open work and the store's policy on deleting referenced records
	 * are one statement's snapshot, read in one round trip (the transition checks it all again under lock).
	 */
	@PreAuthorize("@permissions.require(#kind.name() + '.view')")
	public Impact impact(RecordKind kind, long id) {
		RecordRows.Counted counted = rows.readCounted(kind, id);
		RecordRows.Row record = counted.row();
		Map<String, Long> dependents = counted.dependents();
		RecordKind.OpenWork openWork = counted.openWork();
		Map<String, Impact.Check> actions = new LinkedHashMap<>();
		for (Transition transition : Transition.values()) {
			actions.put(transition.verb(),
					checks.check(kind, record, transition, dependents, openWork, counted.deleteReferenced()));
		}
		Map<String, Long> allKinds = new LinkedHashMap<>();
		kind.dependents().forEach(dependent -> allKinds.put(dependent.name(), dependents.getOrDefault(dependent.name(), 0L)));
		return new Impact(kind.name(), id, record.status(), Dependent.shown(allKinds), Dependent.capped(allKinds),
				openWork.figures(), actions);
	}

	/** Purges what has been in the trash longer than the retention; returns how many records went. */
	@Transactional
	public int purgeExpired(RecordKind kind, Duration retention) {
		List<Long> expired = jdbc.sql("SELECT id FROM " + kind.table()
				+ " WHERE status = 'DELETED' AND status_changed_at < now() - make_interval(secs => ?)"
				+ " ORDER BY status_changed_at LIMIT 1000 FOR UPDATE SKIP LOCKED")
			.param(retention.toSeconds())
			.query(Long.class)
			.list();
		int purged = 0;
		for (long id : expired) {
			if (checks.dependents(kind, id).isEmpty()) {
				jdbc.sql("DELETE FROM " + kind.table() + " WHERE id = ?").param(id).update();
				audit.record(kind.name() + ".purge", kind.name(), id,
						"Expired from the trash (retention " + retention + ")",
						Map.of("status", new Changes.Change(LifecycleStatus.DELETED, null)));
				purged++;
			}
			else {
				log.warn("{} {} is in the trash but referenced; it was kept", kind.title(), id);
			}
		}
		if (purged > 0) {
			log.info("Purged {} {} record(s) deleted more than {} ago", purged, kind.name(), retention);
		}
		return purged;
	}

	private void change(RecordKind kind, RecordRows.Row record, Transition transition, String reason, Map<String, ?> context) {
		// Recorded first, but in this transaction: the row is already locked, and a refusal below rolls both back.
		Map<String, Object> changes = new LinkedHashMap<>(context);
		changes.put("status", new Changes.Change(record.status(), transition.target()));
		audit.record(kind.name() + "." + transition.verb(), kind.name(), record.id(), reason, changes);
		metrics.transition(kind.name(), transition.verb());
		if (transition == Transition.PURGE) {
			jdbc.sql("DELETE FROM " + kind.table() + " WHERE id = ?").param(record.id()).update();
			log.info("Purged {} {} ({}): {}", kind.name(), record.id(), record.label(), reason);
			return;
		}
		// Not a text block after the table name: a text block strips its common indentation, leading space included.
		jdbc.sql("UPDATE " + kind.table() + " SET status = :status, status_reason = :reason,"
				+ " status_changed_at = now(), version = version + 1, updated_at = now() WHERE id = :id")
			.param("status", String.valueOf(transition.target()))
			.param("reason", reason)
			.param("id", record.id())
			.update();
	}

}
