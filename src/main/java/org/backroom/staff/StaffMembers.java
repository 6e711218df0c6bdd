package org.backroom.staff;

import java.util.List;
import java.util.Optional;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of staff users and their role assignments. Indexes in V6__create_staff_and_roles.sql. */
@Repository
class StaffMembers {

	private final JdbcClient jdbc;

	StaffMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Staff> find(long id) {
		return jdbc.sql("SELECT " + Staff.COLUMNS + " FROM staff s WHERE s.id = ?").param(id).query(Staff::from).optional();
	}

	List<Staff> list(String statusFilter, @Nullable String query, @Nullable Cursor after, int rows) {
		return RecordQueries.page(jdbc, "SELECT " + Staff.COLUMNS + " FROM staff s", "display_name", statusFilter,
				query, after, rows).query(Staff::from).list();
	}

	long insert(String username, String displayName, @Nullable String email, String passwordHash) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO staff (username, display_name, email, password_hash) VALUES (?, ?, ?, ?)")
			.params(username, displayName, email, passwordHash)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, String displayName, @Nullable String email) {
		jdbc.sql("UPDATE staff SET display_name = ?, email = ?, version = version + 1, updated_at = now() WHERE id = ?")
			.params(displayName, email, id)
			.update();
	}

	void assignRoles(long staffId, List<Long> roleIds) {
		jdbc.sql("DELETE FROM staff_roles WHERE staff_id = ?").param(staffId).update();
		for (long roleId : roleIds) {
			jdbc.sql("INSERT INTO staff_roles (staff_id, role_id) VALUES (?, ?)").params(staffId, roleId).update();
		}
	}

	record Current(long id, String username, LifecycleStatus status, long version) {
	}

	Optional<Current> lock(long id) {
		return jdbc.sql("SELECT id, username, status, version FROM staff WHERE id = ? FOR UPDATE")
			.param(id)
			.query(RecordRows.of(Current.class))
			.optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff WHERE username = ?)").param(username)
			.query(Boolean.class).single();
	}

	boolean any() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff)").query(Boolean.class).single();
	}

	/** Active users, other than this one, whose roles let them manage roles. */
	long otherActiveRoleManagers(long exceptId) {
		return jdbc.sql("""
				SELECT count(DISTINCT s.id) FROM staff s
				JOIN staff_roles sr ON sr.staff_id = s.id
				JOIN role_permissions p ON p.role_id = sr.role_id AND p.permission = 'role.manage'
				WHERE s.status = 'ACTIVE' AND s.id <> ?""").param(exceptId).query(Long.class).single();
	}

	/** Serializes changes that could leave the store without anyone able to manage roles. */
	void lockRoleManagers() {
		jdbc.sql("SELECT pg_advisory_xact_lock(7001)").query().singleValue();
	}

}
