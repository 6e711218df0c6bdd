package org.backroom.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.InvalidTransition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's part of a merge: a duplicate becomes {@link LifecycleStatus#MERGED}, pointing to its survivor,
 * under its row lock and with its audit entry; an unmerge is audited the same way. What moves between the two
 * records (fields, balances) is the owning feature's. The kind's table needs a {@code merged_into} column.
 * Whoever calls it has checked the permission.
 */
@Service
public class Merging {

	private static final Set<LifecycleStatus> MERGEABLE = Set.of(LifecycleStatus.ACTIVE, LifecycleStatus.INACTIVE);

	private final JdbcClient jdbc;

	private final RecordRows rows;

	private final AuditTrail audit;

	Merging(JdbcClient jdbc, RecordRows rows, AuditTrail audit) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.audit = audit;
	}

	/** Folds the duplicate into the survivor: its status becomes MERGED with a pointer; audited with context. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void merge(RecordKind kind, long duplicateId, long survivorId, String reason, Map<String, ?> context) {
		RecordRows.Row duplicate = rows.lock(kind, duplicateId);
		if (duplicate.system() || !MERGEABLE.contains(duplicate.status())) {
			throw new InvalidTransition(kind, duplicate.label(), duplicate.system() ? "a system record is never merged"
					: "only an active or inactive record can be merged, and it is " + duplicate.status());
		}
		Map<String, Object> changes = new LinkedHashMap<>(context);
		changes.put("status", new Changes.Change(duplicate.status(), LifecycleStatus.MERGED));
		changes.put("mergedInto", new Changes.Change(null, survivorId));
		audit.record(kind.name() + ".merge", kind.name(), duplicateId, reason, changes);
		jdbc.sql("UPDATE " + kind.table() + " SET status = 'MERGED', merged_into = :survivor, status_reason = :reason,"
				+ " status_changed_at = now(), version = version + 1, updated_at = now() WHERE id = :id")
			.param("survivor", survivorId)
			.param("reason", reason)
			.param("id", duplicateId)
			.update();
	}

	/**
	 * Audits the unmerge of a merged record back to the status it had; the owning feature then restores the row as it
	 * was before the merge, lifecycle columns included.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void unmerge(RecordKind kind, long duplicateId, LifecycleStatus restored, String reason,
			Map<String, ?> context) {
		RecordRows.Row duplicate = rows.lock(kind, duplicateId);
		if (duplicate.status() != LifecycleStatus.MERGED) {
			throw new InvalidTransition(kind, duplicate.label(),
					"only a merged record can be unmerged, and it is " + duplicate.status());
		}
		Map<String, Object> changes = new LinkedHashMap<>(context);
		changes.put("status", new Changes.Change(LifecycleStatus.MERGED, restored));
		audit.record(kind.name() + ".unmerge", kind.name(), duplicateId, reason, changes);
	}

}
