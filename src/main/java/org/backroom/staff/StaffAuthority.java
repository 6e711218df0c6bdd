package org.backroom.staff;

import org.backroom.permission.Forbidden;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rule that keeps anyone from acting above their own rights: nobody acts on a staff user, or shapes a
 * role, beyond what they hold themselves. Every staff and role action asks here, pages and API alike (they call the
 * same services), and staff lifecycle transitions through the staff record kind's guard.
 *
 * <ul>
 * <li>You cannot set the password of, change the roles of, edit, deactivate, reactivate, delete, restore or purge
 * someone who holds a permission you lack: otherwise {@code staff.manage} alone would reset the owner's password
 * and sign in as the owner.</li>
 * <li>You cannot give (in a role you grant, create, edit or clone) a permission you lack.</li>
 * <li>You cannot edit or delete a role you hold, nor one holding a permission you lack: editing your own role is
 * granting yourself.</li>
 * </ul>
 * With nobody signed in (scheduled work such as the trash purge) there is no one to compare with, and the rule
 * does not apply; every such path is the system's own.
 */
@Component
class StaffAuthority {

	private final JdbcClient jdbc;

	StaffAuthority(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Refuses unless the signed-in user holds every permission this staff user holds. */
	void requireOver(long staffId, String doing) {
		StaffPrincipal.current().ifPresent(me -> {
			List<String> missing = missing(me, permissionsOf(staffId));
			if (!missing.isEmpty()) {
				throw Forbidden.lacking("Above your rights", "Nobody can " + doing
						+ " someone who holds permissions they lack; this user holds " + String.join(", ", missing)
						+ ", which none of your roles grants.", missing);
			}
		});
	}

	/** Refuses unless the signed-in user holds every one of these permissions, which they are about to give. */
	void requireHeld(Collection<String> permissions, String giving) {
		StaffPrincipal.current().ifPresent(me -> {
			List<String> missing = missing(me, permissions);
			if (!missing.isEmpty()) {
				throw Forbidden.lacking("Above your rights", "Nobody can " + giving + " permissions they lack: "
						+ String.join(", ", missing) + ".", missing);
			}
		});
	}

	/** Refuses a change to a role the signed-in user holds, or to one holding permissions they lack. */
	void requireMayChange(Role role, String doing) {
		StaffPrincipal.current().ifPresent(me -> {
			if (holds(me.id(), role.id())) {
				throw new Forbidden("Your own role", "Role " + role.name() + " is one you hold, and nobody can " + doing
						+ " a role they hold; ask another person who manages roles.");
			}
		});
		requireHeld(role.permissions(), doing + " a role with");
	}

	/** The permissions a staff user's roles grant now, whatever the user's status. */
	Set<String> permissionsOf(long staffId) {
		return Set.copyOf(jdbc.sql("""
				SELECT DISTINCT p.permission FROM staff_roles sr JOIN role_permissions p ON p.role_id = sr.role_id
				WHERE sr.staff_id = ?""").param(staffId).query(String.class).list());
	}

	private boolean holds(long staffId, long roleId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_roles WHERE staff_id = ? AND role_id = ?)")
			.params(staffId, roleId)
			.query(Boolean.class)
			.single();
	}

	private static List<String> missing(StaffPrincipal me, Collection<String> permissions) {
		return permissions.stream().filter(permission -> !me.permissions().contains(permission)).distinct().sorted()
			.toList();
	}

}
