package org.backroom.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of roles and their permissions. */
@Repository
class Roles {

	private static final String SELECT = """
			SELECT r.id, r.name, r.description, r.built_in, r.version,
			       ARRAY(SELECT p.permission FROM role_permissions p WHERE p.role_id = r.id ORDER BY 1) AS permissions,
			       (SELECT count(*) FROM staff_roles sr WHERE sr.role_id = r.id) AS staff_count
			FROM roles r""";

	private final JdbcClient jdbc;

	Roles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Role> all() {
		return jdbc.sql(SELECT + " ORDER BY r.built_in DESC, lower(r.name)").query(Roles::role).list();
	}

	Optional<Role> find(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Roles::role).optional();
	}

	Optional<Role> lock(long id) {
		jdbc.sql("SELECT id FROM roles WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
		return find(id);
	}

	/** Role ids by name, for the names that exist. */
	List<Long> idsOf(List<String> names) {
		return jdbc.sql("SELECT id FROM roles WHERE name = ANY(?)").param(names.toArray(String[]::new))
			.query(Long.class).list();
	}

	boolean nameTaken(String name, long exceptId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM roles WHERE lower(name) = lower(?) AND id <> ?)")
			.params(name, exceptId).query(Boolean.class).single();
	}

	long insert(String name, @Nullable String description, List<String> permissions) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO roles (name, description) VALUES (?, ?)").params(name, description).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		setPermissions(id, permissions);
		return id;
	}

	void update(long id, String name, @Nullable String description, List<String> permissions) {
		jdbc.sql("UPDATE roles SET name = ?, description = ?, version = version + 1, updated_at = now() WHERE id = ?")
			.params(name, description, id).update();
		setPermissions(id, permissions);
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM roles WHERE id = ?").param(id).update();
	}

	private void setPermissions(long id, List<String> permissions) {
		jdbc.sql("DELETE FROM role_permissions WHERE role_id = ?").param(id).update();
		for (String permission : permissions) {
			jdbc.sql("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)").params(id, permission).update();
		}
	}

	private static Role role(ResultSet rs, int row) throws SQLException {
		return new Role(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("built_in"),
				List.of((String[]) rs.getArray("permissions").getArray()), rs.getLong("staff_count"), rs.getLong("version"));
	}

}
