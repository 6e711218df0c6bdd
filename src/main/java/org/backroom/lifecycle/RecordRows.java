package org.backroom.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the lifecycle columns of any kind's rows, with the label people know the record by: for
 * a transition (locked), an edit (locked), a dialog, and the trash.
 */
@Component
class RecordRows {

	private final JdbcClient jdbc;

	RecordRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A record's lifecycle state and its label: {@code Ann Lee (C000012)}. */
	record Row(long id, LifecycleStatus status, boolean system, long version, String label) {
	}

	/** A record in the trash. */
	record Trashed(long id, String label, @Nullable String reason, Instant deletedAt) {
	}

	/**
	 * The row, locked FOR UPDATE for the rest of the caller's transaction: a sale holding it FOR SHARE commits
	 * first, so a dependents probe that follows sees that sale; another edit or transition waits for this one.
	 */
	Row lock(RecordKind kind, long id) {
		return read(kind, id, " FOR UPDATE");
	}

	/** The row as it is now, unlocked. */
	Row read(RecordKind kind, long id) {
		return read(kind, id, "");
	}

	/** How people name the record. */
	String label(RecordKind kind, long id) {
		return read(kind, id).label();
	}

	/** The newest records in the trash, at most {@code limit}. */
	List<Trashed> trash(RecordKind kind, int limit) {
		return jdbc.sql("SELECT id, " + kind.labelSql() + " AS label, status_reason, status_changed_at FROM "
				+ kind.table() + " WHERE status = 'DELETED' ORDER BY status_changed_at DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> new Trashed(rs.getLong("id"), rs.getString("label"), rs.getString("status_reason"),
					rs.getObject("status_changed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private Row read(RecordKind kind, long id, String lock) {
		return jdbc.sql("SELECT id, status, is_system, version, " + kind.labelSql() + " AS label FROM " + kind.table()
				+ " WHERE id = ?" + lock)
			.param(id)
			.query((rs, row) -> new Row(rs.getLong("id"), LifecycleStatus.valueOf(rs.getString("status")),
					rs.getBoolean("is_system"), rs.getLong("version"), rs.getString("label")))
			.optional()
			.orElseThrow(() -> new RecordNotFound(kind.name(), id));
	}

}
