package org.backroom.lifecycle;

import org.backroom.lifecycle.LifecycleRefusals.RecordInTrash;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.web.Preconditions.VersionConflict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule every edit of a master record follows, whatever its kind: the record exists, is not in the trash, and
 * is still at the version the edit was made from.
 */
@Component
public class RecordEdits {

	private final JdbcClient jdbc;

	RecordEdits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Current(LifecycleStatus status, long version, String label) {
	}

	/**
	 * Locks the record for the rest of the caller's transaction, or refuses the edit: 404 when there is no such
	 * record, 409 {@code record-deleted} when it is in the trash, 412 when someone changed it since it was read.
	 * FOR UPDATE: a lifecycle transition or another edit waits until this edit commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockForEdit(RecordKind kind, long id, long expectedVersion) {
		Current current = jdbc.sql("SELECT status, version, " + kind.labelSql() + " AS label FROM " + kind.table()
				+ " WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Current.class)
			.optional()
			.orElseThrow(() -> new RecordNotFound(kind.name(), id));
		if (current.status() == LifecycleStatus.DELETED) {
			throw new RecordInTrash(kind.name(), id, current.label());
		}
		if (current.version() != expectedVersion) {
			throw VersionConflict.of(kind.title() + " " + current.label(), expectedVersion, current.version());
		}
	}

}
