package org.backroom.staff;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.backroom.web.Page;
import org.backroom.web.Preconditions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff users and roles as JSON. Staff lifecycle transitions are in the shared lifecycle API. */
@Tag(name = "staff and roles")
@RestController
class StaffApi {

	private final StaffService staff;

	private final RoleService roles;

	StaffApi(StaffService staff, RoleService roles) {
		this.staff = staff;
		this.roles = roles;
	}

	@Operation(operationId = "listStaff", summary = "Find staff users")
	@GetMapping("/api/staff")
	Page<Staff> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "active") String status, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return staff.list(status, q, cursor, Page.limit(limit));
	}

	@Operation(operationId = "getStaff", summary = "One staff user")
	@GetMapping("/api/staff/{id}")
	ResponseEntity<Staff> get(@PathVariable long id) {
		Staff member = staff.get(id);
		return ResponseEntity.ok().eTag(Preconditions.etag(member.version())).body(member);
	}

	@Operation(operationId = "createStaff",
			summary = "Create a staff user: username, displayName, email, password (10+ characters), roles")
	@ApiResponse(responseCode = "201", description = "Created; Location names it")
	@PostMapping("/api/staff")
	ResponseEntity<Staff> create(@Valid @RequestBody StaffForm form) {
		Staff member = staff.create(form);
		return ResponseEntity.created(URI.create("/api/staff/" + member.id()))
			.eTag(Preconditions.etag(member.version()))
			.body(member);
	}

	@Operation(operationId = "updateStaff",
			summary = "Edit a staff user's display name, email and roles; If-Match required")
	@PutMapping("/api/staff/{id}")
	ResponseEntity<Staff> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody StaffForm form) {
		Staff member = staff.update(id, Preconditions.expectedVersion(ifMatch), form);
		return ResponseEntity.ok().eTag(Preconditions.etag(member.version())).body(member);
	}

	@Operation(operationId = "listRoles", summary = "Every role, built-in and custom, with its permissions")
	@GetMapping("/api/roles")
	List<Role> roles() {
		return roles.all();
	}

	@Operation(operationId = "getRole", summary = "One role with its permissions")
	@GetMapping("/api/roles/{id}")
	ResponseEntity<Role> role(@PathVariable long id) {
		Role role = roles.get(id);
		return ResponseEntity.ok().eTag(Preconditions.etag(role.version())).body(role);
	}

	@Operation(operationId = "listPermissions", summary = "The catalogue of permissions a role can hold")
	@GetMapping("/api/permissions")
	List<String> permissions() {
		return List.copyOf(roles.permissions());
	}

	@Operation(operationId = "createRole", summary = "Create a custom role with a name and permissions")
	@ApiResponse(responseCode = "201", description = "Created; Location names it")
	@PostMapping("/api/roles")
	ResponseEntity<Role> createRole(@Valid @RequestBody RoleForm form) {
		Role role = roles.create(form);
		return ResponseEntity.created(URI.create("/api/roles/" + role.id())).body(role);
	}

	/** The new name of a cloned role. */
	record CloneCommand(@NotBlank(message = "is required")
	@Size(max = 60) @Nullable String name) {
	}

	@Operation(operationId = "cloneRole", summary = "Clone a role (built-in or custom) under a new name")
	@ApiResponse(responseCode = "201", description = "Created; Location names it")
	@PostMapping("/api/roles/{id}/clone")
	ResponseEntity<Role> cloneRole(@PathVariable long id, @Valid @RequestBody CloneCommand command) {
		Role role = roles.copy(id, String.valueOf(command.name()));
		return ResponseEntity.created(URI.create("/api/roles/" + role.id())).body(role);
	}

	@Operation(operationId = "updateRole", summary = "Edit a custom role (built-in roles cannot be changed)")
	@PutMapping("/api/roles/{id}")
	ResponseEntity<Role> updateRole(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody RoleForm form) {
		Role role = roles.update(id, Preconditions.expectedVersion(ifMatch), form);
		return ResponseEntity.ok().eTag(Preconditions.etag(role.version())).body(role);
	}

	@Operation(operationId = "deleteRole", summary = "Delete a custom role that nobody holds")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/api/roles/{id}")
	ResponseEntity<Void> deleteRole(@PathVariable long id) {
		roles.delete(id);
		return ResponseEntity.noContent().build();
	}

}
