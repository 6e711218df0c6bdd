package org.backroom.staff;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.permission.Permissions;
import org.backroom.web.FieldErrors;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roles as a permission matrix: one column per role, one row per permission. Each custom role's column is one form
 * (its checkboxes join it with the {@code form} attribute), so saving sends the whole role with the version it was
 * read at, as {@code PUT /api/roles/{id}} with If-Match does. The rules are RoleService's and RoleForm's.
 */
@PageController
class RolePages {

	private final RoleService roles;

	private final Permissions permissions;

	private final Validator validator;

	RolePages(RoleService roles, Permissions permissions, Validator validator) {
		this.roles = roles;
		this.permissions = permissions;
		this.validator = validator;
	}

	/** A role's column as typed, kept when saving it failed. */
	record Edited(long id, String name, String description, String version, List<String> permissions) {
	}

	@GetMapping("/roles")
	String matrix(Model model) {
		model.addAttribute("roles", roles.all());
		model.addAttribute("groups", roles.permissionGroups());
		model.addAttribute("canManage", permissions.has("role.manage"));
		model.addAttribute("edited", null);
		model.addAttribute("errors", Map.of());
		return "staff/roles";
	}

	@PostMapping("/roles/{id}")
	String save(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "-1") String version,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Edited edited = new Edited(id, name, description, version, permissions == null ? List.of() : permissions);
		RoleForm form = new RoleForm(name, blankToNull(description), edited.permissions());
		return attempt(edited, form, model, response, redirect, () -> {
			Role saved = roles.update(id, parseVersion(version), form);
			return "Role " + saved.name() + " was saved.";
		});
	}

	@PostMapping("/roles/new")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		RoleForm form = new RoleForm(name, blankToNull(description), List.of());
		return attempt(new Edited(0, name, description, "", List.of()), form, model, response, redirect,
				() -> "Role " + roles.create(form).name() + " was created; tick its permissions and save.");
	}

	/** Clone under a new name: the copy is a custom role, editable from its own column. */
	@PostMapping("/roles/{id}/clone")
	String copy(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		RoleForm form = new RoleForm(name, null, List.of());
		// The "clone" column id marks the clone form of role {id} as the one to show errors beside.
		return attempt(new Edited(-id, name, "", "", List.of()), form, model, response, redirect,
				() -> "Role " + roles.copy(id, name.strip()).name() + " was cloned; change its permissions and save.");
	}

	@PostMapping("/roles/{id}/delete")
	String delete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		String name = roles.get(id).name();
		return attempt(null, null, model, response, redirect, () -> {
			roles.delete(id);
			return "Role " + name + " was deleted.";
		});
	}

	private String attempt(@Nullable Edited edited, @Nullable RoleForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Supplier<String> change) {
		FieldErrors errors = new FieldErrors();
		if (form != null) {
			errors.addAll(validator.validate(form));
		}
		try {
			if (errors.isEmpty()) {
				redirect.addFlashAttribute("message", change.get());
				return "redirect:/roles";
			}
		}
		catch (ValidationFailed failed) {
			errors.addAll(failed);
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal.getMessage());
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
		}
		matrix(model);
		model.addAttribute("edited", edited);
		model.addAttribute("errors", errors.getMap());
		return "staff/roles";
	}

	private static long parseVersion(String version) {
		try {
			return Long.parseLong(version.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

}
