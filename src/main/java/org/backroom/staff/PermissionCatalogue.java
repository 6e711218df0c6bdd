package org.backroom.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;

import org.springframework.stereotype.Component;

/**
 * Every permission Backroom checks: those of each registered record kind ({@link RecordKind#permissions()}) and
 * those beyond them. Roles are sets of these; {@link BuiltInRoleGrants} gives the built-in roles theirs.
 */
@Component
class PermissionCatalogue {

	/** Permissions beyond the record kinds. */
	static final List<String> OTHERS = List.of("sales.view", "sales.create", "purchasing.view", "purchasing.create",
			"purchasing.order", "purchasing.receive", "purchasing.cancel", "approval.decide", "audit.view",
			"report.view", "bulk.run", "staff.manage", "role.manage", "settings.manage", "backup.manage",
			"metrics.view", "privacy.erase", "privacy.export",
			"customer.merge", "item.merge", "supplier.merge", "webhooks.manage", "import.run");

	private final RecordKinds kinds;

	PermissionCatalogue(RecordKinds kinds) {
		this.kinds = kinds;
	}

	/** Every permission, sorted. */
	Set<String> all() {
		Set<String> all = new TreeSet<>(kinds.permissions());
		all.addAll(OTHERS);
		return all;
	}

	boolean contains(String permission) {
		return OTHERS.contains(permission) || kinds.permissions().contains(permission);
	}

	/** The permissions by what they are about: the record kinds first, then the rest by their prefix. */
	Map<String, List<String>> groups() {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		kinds.permissions().forEach(permission -> add(groups, permission));
		OTHERS.forEach(permission -> add(groups, permission));
		return groups;
	}

	private static void add(Map<String, List<String>> groups, String permission) {
		groups.computeIfAbsent(permission.substring(0, permission.indexOf('.')), key -> new ArrayList<>()).add(permission);
	}

	/** The record kinds, for the roles that are granted by kind. */
	List<RecordKind> kinds() {
		return kinds.all();
	}

}
