package org.backroom.staff;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;

/**
 * The people of the authority tables: each a custom role with just the permissions named (the owner and manager
 * hold the built-in ones), and one signed-in user holding it.
 */
enum Actors {

	OWNER("Owner"), MANAGER("Manager"), STAFF_MANAGER(List.of("staff.view", "staff.manage")),
	STAFF_ADMIN(List.of("staff.view", "staff.create", "staff.edit", "staff.deactivate", "staff.reactivate",
			"staff.delete", "staff.restore", "staff.purge", "staff.manage")),
	ROLE_MANAGER(List.of("role.manage"));

	private final String builtIn;

	private final List<String> permissions;

	Actors(String builtIn) {
		this.builtIn = builtIn;
		this.permissions = List.of();
	}

	Actors(List<String> permissions) {
		this.builtIn = "";
		this.permissions = permissions;
	}

	boolean custom() {
		return builtIn.isEmpty();
	}

	List<String> permissions() {
		return permissions;
	}

	/** A signed-in user of this kind: its client, id and role. */
	record Actor(Actors kind, Api api, long id, String role) {
	}

	/** The owner is the tests' own {@code admin}; everyone else is made here with a role of their own. */
	Actor make(Api admin, Maker maker) {
		if (this == OWNER) {
			return new Actor(this, admin, admin.get("/api/me").json().path("id").asLong(), "Owner");
		}
		String role = builtIn;
		if (custom()) {
			role = name() + " " + UUID.randomUUID().toString().substring(0, 8);
			admin.post("/api/roles", Map.of("name", role, "permissions", permissions));
		}
		Api user = maker.staffWithRole(role);
		return new Actor(this, user, user.get("/api/me").json().path("id").asLong(), role);
	}

	/** {@link ApiTest#staffWithRole}, handed over. */
	interface Maker {

		Api staffWithRole(String role);

	}

}
