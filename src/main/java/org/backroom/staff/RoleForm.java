package org.backroom.staff;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A role as entered. */
record RoleForm(@NotBlank(message = "is required") @Size(max = 60) @Nullable String name,
		@Size(max = 500) @Nullable String description, @Nullable List<@NotBlank(message = "is not a permission") String> permissions) {

	List<String> permissionList() {
		return permissions == null ? List.of() : permissions.stream().map(String::strip).distinct().sorted().toList();
	}

}
