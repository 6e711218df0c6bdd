package org.backroom.erasure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backroom.audit.PersonalData;
import org.backroom.permission.Forbidden;
import org.backroom.permission.Permissions;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Refusal;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasing a staff member: user name (to a pseudonym, {@code erased-17}), display name, e-mail and password go, with
 * their API tokens, sessions and sign-in throttle state; the user name copied onto their orders, bulk jobs and
 * settings becomes the pseudonym, so sales by staff still add up per person. Their roles are taken away.
 */
@Component
class StaffErasure implements Erasable {

	private static final List<String> FIELDS = List.of("username", "displayName", "email", "password", "apiTokens",
			"sessions", "roles");

	private final JdbcClient jdbc;

	private final Snapshots snapshots;

	private final PersonTable table;

	private final Permissions permissions;

	StaffErasure(JdbcClient jdbc, Snapshots snapshots, Permissions permissions) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.table = new PersonTable(jdbc, "staff", "staff", "staff", "username", "display_name || ' (' || username || ')'");
		this.permissions = permissions;
	}

	@Override
	public PersonTable table() {
		return table;
	}

	@Override
	public Optional<Refusal> unsettled(Person person) {
		if (StaffPrincipal.current().map(me -> me.id() == person.id()).orElse(false)) {
			return Optional.of(new ErasureRefusals.NotErasable(person, "cannot erase themselves; ask another owner."));
		}
		List<String> above = jdbc.sql("""
				SELECT DISTINCT p.permission FROM staff_roles sr JOIN role_permissions p ON p.role_id = sr.role_id
				WHERE sr.staff_id = ? ORDER BY 1""").param(person.id()).query(String.class).list()
			.stream().filter(permission -> !permissions.has(permission)).toList();
		if (!above.isEmpty()) {
			throw Forbidden.lacking("Above your rights", person.label() + " holds permissions you lack: "
					+ String.join(", ", above) + ".", above);
		}
		return lastOwner(person).or(() -> openPurchaseOrders(person))
			.or(() -> snapshots.pendingApprovals(kind(), person.id(), true, person.label()));
	}

	/** Someone must still be able to manage roles once they are gone. */
	private Optional<Refusal> lastOwner(Person person) {
		jdbc.sql("SELECT pg_advisory_xact_lock(7001)").query().singleValue();
		long otherManagers = jdbc.sql("""
				SELECT count(DISTINCT s.id) FROM staff s
				JOIN staff_roles sr ON sr.staff_id = s.id
				JOIN role_permissions p ON p.role_id = sr.role_id AND p.permission = 'role.manage'
				WHERE s.status = 'ACTIVE' AND s.id <> ?""").param(person.id()).query(Long.class).single();
		if (otherManagers == 0) {
			return Optional.of(new ErasureRefusals.NotErasable(person,
					"is the last active user who can manage roles (the last owner) and cannot be erased."));
		}
		return Optional.empty();
	}

	private Optional<Refusal> openPurchaseOrders(Person person) {
		// Open purchase orders: drafts and orders not yet received that they raised carry their name while the
		// store still works on them with the supplier; they are finished or cancelled first.
		long open = jdbc.sql("SELECT count(*) FROM purchase_orders WHERE processed_by = ? AND status IN ('DRAFT', 'ORDERED')")
			.param(person.id()).query(Long.class).single();
		if (open > 0) {
			return Optional.of(new ErasureRefusals.Unsettled("open-purchase-orders", "Open purchase orders",
					person.label() + " raised " + open + " purchase order(s) still open (draft or ordered); receive or "
							+ "cancel them first.", open));
		}
		return Optional.empty();
	}

	@Override
	public List<String> fields() {
		return FIELDS;
	}

	@Override
	public Map<String, Long> copies(Person person) {
		return Map.of(
				"salesOrders", count("SELECT count(*) FROM sales_orders WHERE created_by = ?", person.code()),
				"purchaseOrders", count("SELECT count(*) FROM purchase_orders WHERE created_by = ?", person.code()),
				"apiTokens", count("SELECT count(*) FROM api_tokens WHERE staff_id = ?", person.id()),
				"sessions", count("SELECT count(*) FROM spring_session WHERE principal_name = ?", person.code()));
	}

	@Override
	public PersonalData personalData(Person person) {
		List<String> values = new ArrayList<>(jdbc.sql("SELECT display_name, email FROM staff WHERE id = ?")
			.param(person.id())
			.query((rs, row) -> Arrays.asList(rs.getString(1), rs.getString(2)))
			.single());
		values.removeIf(value -> value == null);
		return new PersonalData(kind(), person.id(), Set.of("username", "displayName", "email"), values, List.of(),
				person.code(), pseudonym(person));
	}

	@Override
	public void blank(Person person, String reason) {
		String pseudonym = pseudonym(person);
		// An impossible bcrypt hash: no password matches it. credentials_version moves, so a session that survived
		// anywhere ends at its next request.
		jdbc.sql("""
				UPDATE staff SET username = ?, display_name = ?, email = NULL, password_hash = '!erased',
				                 must_change_password = false, credentials_version = credentials_version + 1,
				                 status = 'ERASED', status_reason = ?, status_changed_at = now(), updated_at = now(),
				                 version = version + 1
				WHERE id = ?""").params(pseudonym, "Erased staff member " + person.id(), reason, person.id()).update();
		jdbc.sql("DELETE FROM api_tokens WHERE staff_id = ?").param(person.id()).update();
		jdbc.sql("DELETE FROM staff_roles WHERE staff_id = ?").param(person.id()).update();
		jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(person.code()).update();
		jdbc.sql("DELETE FROM sign_in_failures WHERE (scope = 'user' AND subject = lower(?))"
				+ " OR (scope = 'pair' AND subject LIKE '% ' || lower(?))").params(person.code(), person.code()).update();
		for (String table : List.of("sales_orders", "purchase_orders")) {
			jdbc.sql("UPDATE " + table + " SET created_by = ? WHERE created_by = ?").params(pseudonym, person.code())
				.update();
		}
		jdbc.sql("UPDATE bulk_jobs SET requested_by = ? WHERE requested_by = ?").params(pseudonym, person.code()).update();
		jdbc.sql("UPDATE settings SET updated_by = ? WHERE updated_by = ?").params(pseudonym, person.code()).update();
	}

	@Override
	public Map<String, List<Map<String, Object>>> export(Person person) {
		return Erasable.tables(
				"record", jdbc.sql("""
						SELECT id, username, display_name AS "displayName", email, status, created_at AS "createdAt",
						       updated_at AS "updatedAt",
						       (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM staff_roles sr JOIN roles r
						        ON r.id = sr.role_id WHERE sr.staff_id = staff.id) AS roles
						FROM staff WHERE id = ?""").param(person.id()).query(new ColumnMapRowMapper()).list(),
				"orders", jdbc.sql("""
						SELECT id, number, payment, status, total, created_at AS "createdAt"
						FROM sales_orders WHERE created_by = ? ORDER BY id""")
					.param(person.code()).query(new ColumnMapRowMapper()).list(),
				"apiTokens", jdbc.sql("""
						SELECT name, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt",
						       revoked_at AS "revokedAt" FROM api_tokens WHERE staff_id = ? ORDER BY id""")
					.param(person.id()).query(new ColumnMapRowMapper()).list());
	}

	private long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private static String pseudonym(Person person) {
		return "erased-" + person.id();
	}

}
