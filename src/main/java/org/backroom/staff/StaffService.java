package org.backroom.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backroom.permission.Permissions;
import org.backroom.permission.Forbidden;
import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.lifecycle.LifecycleRefusals.RecordInTrash;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.Preconditions;
import org.backroom.web.Preconditions.VersionConflict;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeping staff users and their roles. Their lifecycle (deactivate, delete, ...) is the shared one. */
@Service
class StaffService {

	private final StaffMembers staff;

	private final Roles roles;

	private final PasswordEncoder passwords;

	private final Permissions permissions;

	private final AuditTrail audit;

	private final StaffAuthority authority;

	StaffService(StaffMembers staff, Roles roles, PasswordEncoder passwords, Permissions permissions,
			AuditTrail audit, StaffAuthority authority) {
		this.audit = audit;
		this.authority = authority;
		this.staff = staff;
		this.roles = roles;
		this.passwords = passwords;
		this.permissions = permissions;
	}

	@PreAuthorize("@permissions.require('staff.create')")
	@Transactional
	Staff create(StaffForm form) {
		List<FieldError> errors = new ArrayList<>();
		String username = form.username() == null ? "" : form.username().strip().toLowerCase(Locale.ROOT);
		if (username.isEmpty()) {
			errors.add(new FieldError("username", "is required"));
		}
		else if (staff.usernameTaken(username)) {
			errors.add(new FieldError("username", "is already taken"));
		}
		if (form.password() == null) {
			errors.add(new FieldError("password", "is required"));
		}
		List<Long> roleIds = roleIds(form, errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		if (!roleIds.isEmpty()) {
			permissions.require("staff.manage");
			requireHeldByGranter(roleIds);
		}
		long id = staff.insert(username, String.valueOf(form.displayName()).strip(), blankToNull(form.email()),
				passwords.encode(form.password()));
		staff.assignRoles(id, roleIds);
		Staff created = get(id);
		audit.record("staff.create", "staff", id, null, Changes.of(created));
		return created;
	}

	@PreAuthorize("@permissions.require('staff.edit')")
	@Transactional
	Staff update(long id, long expectedVersion, StaffForm form) {
		lockCurrent(id, expectedVersion);
		List<FieldError> errors = new ArrayList<>();
		List<Long> roleIds = roleIds(form, errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		authority.requireOver(id, "edit or change the roles of");
		Staff before = get(id);
		staff.update(id, String.valueOf(form.displayName()).strip(), blankToNull(form.email()));
		if (form.roles() != null && !get(id).roles().equals(form.roleNames().stream().sorted().toList())) {
			changeRoles(id, roleIds);
		}
		Staff after = get(id);
		audit.record("staff.update", "staff", id, null, Changes.between(before, after));
		return after;
	}

	/** The staff user, locked for the edit: not in the trash, and at the version the edit started from. */
	private void lockCurrent(long id, long expectedVersion) {
		StaffMembers.Current current = staff.lock(id).orElseThrow(() -> new RecordNotFound("staff user", id));
		if (current.status() == LifecycleStatus.DELETED) {
			throw new RecordInTrash("staff user", id, current.username());
		}
		if (!Preconditions.matches(expectedVersion, current.version())) {
			throw VersionConflict.of("Staff user " + current.username(), expectedVersion, current.version());
		}
	}

	/**
	 * Gives a staff user other roles: only for those who manage staff, never their own, only roles the granter
	 * holds, and never so that nobody active is left who can manage roles (checked once written, in the same
	 * transaction, which the refusal rolls back).
	 */
	private void changeRoles(long id, List<Long> roleIds) {
		permissions.require("staff.manage");
		if (StaffPrincipal.current().map(me -> me.id() == id).orElse(false)) {
			throw new Forbidden("Your own roles", "Nobody changes their own roles; ask another person who manages staff.");
		}
		requireHeldByGranter(roleIds);
		staff.lockRoleManagers();
		staff.assignRoles(id, roleIds);
		if (staff.otherActiveRoleManagers(-1) == 0) {
			throw new ValidationFailed(List.of(new FieldError("roles", "would leave nobody active who can manage roles")));
		}
	}

	@PreAuthorize("@permissions.require('staff.view')")
	@Transactional(readOnly = true)
	Staff get(long id) {
		return staff.find(id).orElseThrow(() -> new RecordNotFound("staff user", id));
	}

	@PreAuthorize("@permissions.require('staff.view')")
	@Transactional(readOnly = true)
	Page<Staff> list(String status, @Nullable String query, @Nullable String cursor, int limit) {
		List<Staff> rows = staff.list(status, query, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, member -> RecordQueries.after(member.displayName(), member.id()));
	}

	/**
	 * Nobody hands out more than they hold: granting a role whose permissions the granter lacks would let anyone
	 * with {@code staff.manage} make themselves (or an accomplice) an owner.
	 */
	private void requireHeldByGranter(List<Long> roleIds) {
		authority.requireHeld(roles.all()
			.stream()
			.filter(role -> roleIds.contains(role.id()))
			.flatMap(role -> role.permissions().stream())
			.toList(), "grant roles with");
	}

	private List<Long> roleIds(StaffForm form, List<FieldError> errors) {
		List<String> names = form.roleNames();
		List<Long> ids = roles.idsOf(names);
		if (ids.size() != names.size()) {
			errors.add(new FieldError("roles", "names a role that does not exist; roles are " + roles.all()
				.stream()
				.map(Role::name)
				.toList()));
		}
		return ids;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
