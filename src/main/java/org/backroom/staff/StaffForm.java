package org.backroom.staff;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * A staff user as entered: the user name and password only count on creation (a user name never changes, so the
 * audit trail keeps meaning what it said). The page form sends its role checkboxes as {@code role}.
 */
record StaffForm(
		@Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,39}", message = "must be 2 to 40 lower-case letters, digits, dots, dashes or underscores") @Nullable String username,
		@NotBlank(message = "is required") @Size(max = 120) @Nullable String displayName,
		@Email(message = "is not an email address") @Size(max = 254) @Nullable String email,
		@Size(min = 10, max = 200, message = "must be 10 to 200 characters") @Nullable String password,
		@BindParam("role") @Nullable List<@NotBlank(message = "is not a role") String> roles) {

	List<String> roleNames() {
		return roles == null ? List.of() : roles.stream().map(String::strip).distinct().toList();
	}

}
