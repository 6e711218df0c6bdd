package org.backroom.staff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every permission Backroom checks. Roles are sets of these; the built-in roles are seeded by
 * V6__create_staff_and_roles.sql, and a test keeps the two in step.
 */
public final class PermissionCatalogue {

	/** The record kinds with a lifecycle, each with the same eight permissions. */
	public static final List<String> KINDS = List.of("customer", "item", "supplier", "staff");

	public static final List<String> VERBS = List.of("view", "create", "edit", "deactivate", "reactivate", "delete",
			"restore", "purge");

	/** Permissions beyond the record kinds. */
	public static final List<String> OTHERS = List.of("sales.view", "sales.create", "purchasing.view",
			"purchasing.create", "purchasing.order", "purchasing.receive", "purchasing.cancel", "approval.decide",
			"audit.view", "report.view", "bulk.run", "staff.manage", "role.manage", "settings.manage", "metrics.view");

	public static final Set<String> ALL;

	static {
		List<String> all = new ArrayList<>();
		for (String kind : KINDS) {
			for (String verb : VERBS) {
				all.add(kind + "." + verb);
			}
		}
		all.addAll(OTHERS);
		ALL = Collections.unmodifiableSet(new TreeSet<>(all));
	}

	private PermissionCatalogue() {
	}

}
