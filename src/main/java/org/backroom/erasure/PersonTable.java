package org.backroom.erasure;

import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table that holds a kind of person, and the two steps every kind takes on it alike: reading the person (locked
 * for an erasure) with their status and hold, and setting or releasing the legal hold.
 *
 * @param kind singular, as in audit entries: {@code customer}
 * @param path the collection under {@code /api}: {@code customers}
 * @param code the column people know the record by: {@code code}, {@code username}
 * @param label the SQL of how people know them: {@code name || ' (' || code || ')'}
 */
record PersonTable(JdbcClient jdbc, String kind, String path, String table, String code, String label) {

	Person read(long id, boolean lock) {
		return jdbc.sql("SELECT id, " + code + " AS code, " + label + " AS label, status, is_system,"
				+ " legal_hold_reason, legal_hold_since FROM " + table + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
			.param(id)
			.query((rs, row) -> new Person(rs.getLong("id"), rs.getString("code"), rs.getString("label"),
					LifecycleStatus.valueOf(rs.getString("status")), rs.getBoolean("is_system"),
					rs.getString("legal_hold_reason"), Sql.instant(rs, "legal_hold_since")))
			.optional()
			.orElseThrow(() -> new RecordNotFound(kind, id));
	}

	/** Sets the hold with its reason, or releases it (null). */
	void setHold(long id, @Nullable String reason) {
		jdbc.sql("UPDATE " + table + " SET legal_hold_reason = ?, legal_hold_since = CASE WHEN ? THEN now() END,"
				+ " updated_at = now(), version = version + 1 WHERE id = ?").params(reason, reason != null, id).update();
	}

}
