package org.backroom.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordKind;
import org.backroom.platform.Sql;
import org.jspecify.annotations.Nullable;

/** A staff user as the API shows it; never the password. */
public record Staff(long id, String username, String displayName, @Nullable String email, List<String> roles,
		LifecycleStatus status, @Nullable String statusReason, @Nullable Instant statusChangedAt, Instant createdAt,
		Instant updatedAt, long version) implements RecordKind.Versioned {

	static final String COLUMNS = """
			s.id, s.username, s.display_name, s.email, s.status, s.status_reason, s.status_changed_at, s.created_at,
			s.updated_at, s.version,
			ARRAY(SELECT r.name FROM staff_roles sr JOIN roles r ON r.id = sr.role_id
			      WHERE sr.staff_id = s.id ORDER BY r.name) AS roles""";

	static Staff from(ResultSet rs, int row) throws SQLException {
		return new Staff(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), List.of((String[]) rs.getArray("roles").getArray()),
				LifecycleStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				Sql.instant(rs, "status_changed_at"), Objects.requireNonNull(Sql.instant(rs, "created_at")),
				Objects.requireNonNull(Sql.instant(rs, "updated_at")), rs.getLong("version"));
	}

}
