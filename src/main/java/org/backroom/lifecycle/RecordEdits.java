package org.backroom.lifecycle;

import java.util.function.LongFunction;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.RecordInTrash;
import org.backroom.web.Preconditions;
import org.backroom.web.Preconditions.VersionConflict;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules every create and edit of a master record follows, whatever its kind: an edit finds the record, not in
 * the trash, still at the version it was made from; and each create and edit is in the audit trail, field by
 * field, in the transaction that makes it.
 */
@Component
public class RecordEdits {

	private final RecordRows rows;

	private final AuditTrail audit;

	RecordEdits(RecordRows rows, AuditTrail audit) {
		this.rows = rows;
		this.audit = audit;
	}

	/** A record just inserted, as {@code read} shows it, with the values it was created with in the audit trail. */
	@Transactional(propagation = Propagation.MANDATORY)
	public <R> R created(RecordKind kind, long id, LongFunction<R> read) {
		R created = read.apply(id);
		audit.record(kind.name() + ".create", kind.name(), id, null, Changes.of(created));
		return created;
	}

	/**
	 * Makes an edit of a record read at {@code expectedVersion} (see {@link #lockForEdit}), and audits what it
	 * changed; answers the record after it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <R> R edit(RecordKind kind, long id, long expectedVersion, LongFunction<R> read, Runnable change) {
		lockForEdit(kind, id, expectedVersion);
		R before = read.apply(id);
		change.run();
		R after = read.apply(id);
		audit.record(kind.name() + ".update", kind.name(), id, null, Changes.between(before, after));
		return after;
	}

	/**
	 * Locks the record for the rest of the caller's transaction, or refuses the edit: 404 when there is no such
	 * record, 409 {@code record-deleted} when it is in the trash, 412 when someone changed it since it was read.
	 * FOR UPDATE: a lifecycle transition or another edit waits until this edit commits.
	 */
	private void lockForEdit(RecordKind kind, long id, long expectedVersion) {
		RecordRows.Row current = rows.lock(kind, id);
		if (current.status() == LifecycleStatus.DELETED) {
			throw new RecordInTrash(kind.name(), id, current.label());
		}
		if (current.status() == LifecycleStatus.MERGED) {
			// Unmerge puts the row back as it was before the merge: an edit made in between would be lost.
			throw new LifecycleRefusals.InvalidTransition(kind, current.label(),
					"a merged record is not edited; edit the record it was merged into, or unmerge it first");
		}
		if (!Preconditions.matches(expectedVersion, current.version())) {
			throw VersionConflict.of(kind.title() + " " + current.label(), expectedVersion, current.version());
		}
	}

}
