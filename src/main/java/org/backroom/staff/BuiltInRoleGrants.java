package org.backroom.staff;

import java.util.ArrayList;
import java.util.List;

import org.backroom.lifecycle.RecordKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the built-in roles the permissions of every registered record kind, before the server takes its first
 * request: Owner all of them, Manager all but purge (or only view, for kinds managers do not run, like staff),
 * Auditor view. So a new kind of record needs no migration of its own to be usable. Built-in roles cannot be
 * edited, so adding what is missing never undoes an owner's choice; the insert is idempotent and safe when several
 * instances start at once.
 */
@Component
class BuiltInRoleGrants implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BuiltInRoleGrants.class);

	private final JdbcClient jdbc;

	private final PermissionCatalogue catalogue;

	BuiltInRoleGrants(JdbcClient jdbc, PermissionCatalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	/** A built-in role and one permission it holds. */
	record Grant(String role, String permission) {
	}

	@Override
	public void afterSingletonsInstantiated() {
		int added = 0;
		for (Grant grant : grants(catalogue.kinds())) {
			added += jdbc.sql("""
					INSERT INTO role_permissions (role_id, permission)
					SELECT id, :permission FROM roles WHERE name = :role AND built_in
					ON CONFLICT DO NOTHING
					""").param("role", grant.role()).param("permission", grant.permission()).update();
		}
		if (added > 0) {
			log.info("Gave the built-in roles {} permissions of record kinds they did not have yet", added);
		}
	}

	static List<Grant> grants(List<RecordKind> kinds) {
		List<Grant> grants = new ArrayList<>();
		for (RecordKind kind : kinds) {
			for (String permission : kind.permissions()) {
				grants.add(new Grant("Owner", permission));
				boolean view = permission.endsWith(".view");
				if (view || kind.managedByManagers() && !permission.endsWith(".purge")) {
					grants.add(new Grant("Manager", permission));
				}
				if (view) {
					grants.add(new Grant("Auditor", permission));
				}
			}
		}
		return grants;
	}

}
