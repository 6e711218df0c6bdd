package org.backroom.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the lifecycle columns of any kind's rows, with the label people know the record by: for
 * a transition (locked), an edit (locked), a dialog, and the trash.
 */
@Component
class RecordRows {

	/** How many columns {@link #select} reads: what a statement adds after them starts at the next. */
	private static final int COLUMNS = 5;

	private final JdbcClient jdbc;

	private final LifecyclePolicy policy;

	RecordRows(JdbcClient jdbc, LifecyclePolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/** A record's lifecycle state and its label: {@code Ann Lee (C000012)}. */
	record Row(long id, LifecycleStatus status, boolean system, long version, String label) {
	}

	/**
	 * A record as it is now, what points to it, its open work and what the store's policy makes of deleting it when
	 * it is referenced, read together.
	 */
	record Counted(Row row, Map<String, Long> dependents, RecordKind.OpenWork openWork,
			DeleteReferenced deleteReferenced) {
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

	/**
	 * The row as it is now, unlocked, the capped count of each kind of dependent that points to it (those with none
	 * left out) and its open work, in one statement: one snapshot and one round trip for what a dialog shows before
	 * acting.
	 */
	Counted readCounted(RecordKind kind, long id) {
		List<Dependent> kinds = kind.dependents();
		RecordKind.OpenWork.Read openWork = kind.openWork();
		int openColumn = COLUMNS + kinds.size() + 1;
		return jdbc.sql(countedSql(kind, policy.deleteReferencedSql()))
			.params(countedParams(kind, id))
			.query((rs, row) -> new Counted(row(rs), Dependent.found(kinds, rs, COLUMNS + 1),
					openWork.sql() == null ? RecordKind.OpenWork.NONE : openWork.meaning().of(rs, openColumn),
					policy.deleteReferenced(rs.getString("delete_referenced"))))
			.optional()
			.orElseThrow(() -> new RecordNotFound(kind.name(), id));
	}

	/**
	 * The statement of {@link #readCounted}: the record's row, a count per kind of dependent, its open work and the
	 * store's choice of {@code deleteReferenced} ({@link LifecyclePolicy#deleteReferencedSql()}, given).
	 */
	static String countedSql(RecordKind kind, String deleteReferenced) {
		List<Dependent> kinds = kind.dependents();
		String counts = kinds.isEmpty() ? "" : ", " + Dependent.countColumns(kinds);
		String open = kind.openWork().sql() == null ? "" : ", " + kind.openWork().sql() + " AS open_work";
		return select(kind) + counts + open + ", " + deleteReferenced + " AS delete_referenced FROM " + kind.table()
				+ " WHERE id = ?";
	}

	/** Its parameters: the id once for each kind of dependent, then for the row. */
	static List<Long> countedParams(RecordKind kind, long id) {
		return Collections.nCopies(kind.dependents().size() + 1, id);
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
		return jdbc.sql(select(kind) + " FROM " + kind.table() + " WHERE id = ?" + lock)
			.param(id)
			.query((rs, row) -> row(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFound(kind.name(), id));
	}

	/** The columns of a {@link Row}, {@link #COLUMNS} of them. */
	private static String select(RecordKind kind) {
		return "SELECT id, status, is_system, version, " + kind.labelSql() + " AS label";
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), LifecycleStatus.valueOf(rs.getString("status")), rs.getBoolean("is_system"),
				rs.getLong("version"), rs.getString("label"));
	}

}
