package org.backroom.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.web.Preconditions;
import org.backroom.web.Preconditions.VersionConflict;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shaping roles: create, clone, edit and delete custom roles. Built-in roles stay as shipped. Nobody gives a role
 * more than they hold, nor changes a role they hold ({@link StaffAuthority}).
 */
@Service
class RoleService {

	private final Roles roles;

	private final AuditTrail audit;

	private final PermissionCatalogue catalogue;

	private final StaffAuthority authority;

	RoleService(Roles roles, AuditTrail audit, PermissionCatalogue catalogue, StaffAuthority authority) {
		this.roles = roles;
		this.audit = audit;
		this.catalogue = catalogue;
		this.authority = authority;
	}

	/** Every permission a role can hold. */
	Set<String> permissions() {
		return catalogue.all();
	}

	/** The permissions by what they are about, as the role matrix shows them. */
	Map<String, List<String>> permissionGroups() {
		return catalogue.groups();
	}

	@PreAuthorize("@permissions.has('role.manage') or @permissions.require('staff.view')")
	@Transactional(readOnly = true)
	List<Role> all() {
		return roles.all();
	}

	@PreAuthorize("@permissions.has('role.manage') or @permissions.require('staff.view')")
	@Transactional(readOnly = true)
	Role get(long id) {
		return roles.find(id).orElseThrow(() -> new RecordNotFound("role", id));
	}

	@PreAuthorize("@permissions.require('role.manage')")
	@Transactional
	Role create(RoleForm form) {
		String name = checked(form, 0);
		authority.requireHeld(form.permissionList(), "give a role");
		Role created = get(roles.insert(name, form.description(), form.permissionList()));
		audit.record("role.create", "role", created.id(), null, Changes.of(created));
		return created;
	}

	@PreAuthorize("@permissions.require('role.manage')")
	@Transactional
	Role copy(long id, String newName) {
		Role original = get(id);
		return create(new RoleForm(newName, original.description(), original.permissions()));
	}

	@PreAuthorize("@permissions.require('role.manage')")
	@Transactional
	Role update(long id, long expectedVersion, RoleForm form) {
		Role current = roles.lock(id).orElseThrow(() -> new RecordNotFound("role", id));
		authority.requireMayChange(current, "edit");
		refuseBuiltIn(current, "edited");
		if (!Preconditions.matches(expectedVersion, current.version())) {
			throw VersionConflict.of("Role " + current.name(), expectedVersion, current.version());
		}
		String name = checked(form, id);
		authority.requireHeld(form.permissionList(), "give a role");
		roles.update(id, name, form.description(), form.permissionList());
		Role after = get(id);
		audit.record("role.update", "role", id, null, Changes.between(current, after));
		return after;
	}

	@PreAuthorize("@permissions.require('role.manage')")
	@Transactional
	void delete(long id) {
		Role current = roles.lock(id).orElseThrow(() -> new RecordNotFound("role", id));
		authority.requireMayChange(current, "delete");
		refuseBuiltIn(current, "deleted");
		if (current.staffCount() > 0) {
			throw new RoleRefused("Role in use", "Role " + current.name() + " is held by " + current.staffCount()
					+ " staff user(s); take it from them first.");
		}
		roles.delete(id);
		audit.record("role.delete", "role", id, null, Changes.of(current));
	}

	private String checked(RoleForm form, long exceptId) {
		String name = String.valueOf(form.name()).strip();
		List<FieldError> errors = new ArrayList<>();
		if (roles.nameTaken(name, exceptId)) {
			errors.add(new FieldError("name", "is already the name of another role"));
		}
		form.permissionList()
			.stream()
			.filter(permission -> !catalogue.contains(permission))
			.forEach(unknown -> errors.add(new FieldError("permissions", "'" + unknown + "' is not a permission")));
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		return name;
	}

	private static void refuseBuiltIn(Role role, String what) {
		if (role.builtIn()) {
			throw new RoleRefused("Built-in role", "Role " + role.name() + " is built in and cannot be " + what
					+ "; clone it and change the copy.");
		}
	}

	/** A change to a role that would break something. */
	static final class RoleRefused extends Refusal {

		RoleRefused(String title, String detail) {
			super("invalid-transition", HttpStatus.CONFLICT, title, detail);
		}

	}

}
