package org.backroom.staff;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.permission.Permissions;
import org.backroom.web.BoundForms;
import org.backroom.web.FormVersion;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final BoundForms forms;

	RolePages(RoleService roles, Permissions permissions, Validator validator, BoundForms forms) {
		this.roles = roles;
		this.permissions = permissions;
		this.validator = validator;
		this.forms = forms;
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

	/** A role's column or the new-role form as sent; blank parts are empty, not missing. */
	record RoleInput(String name, String description, List<String> permissions) {

		RoleInput(@Nullable String name, @Nullable String description, @Nullable List<String> permissions) {
			this.name = name == null ? "" : name;
			this.description = description == null ? "" : description;
			this.permissions = permissions == null ? List.of() : List.copyOf(permissions);
		}

	}

	@PostMapping("/roles/{id}")
	String save(@PathVariable long id, @ModelAttribute("input") RoleInput input, BindingResult result,
			@ModelAttribute("edit") FormVersion version, BindingResult versionResult, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Object typed = versionResult.getFieldValue("version");
		Edited edited = new Edited(id, input.name(), input.description(), typed == null ? "-1" : typed.toString(),
				input.permissions());
		RoleForm form = new RoleForm(input.name(), blankToNull(input.description()), input.permissions());
		return attempt(edited, form, result, model, response, redirect, () -> {
			Role saved = roles.update(id, version.expected(), form);
			return "Role " + saved.name() + " was saved.";
		});
	}

	@PostMapping("/roles/new")
	String create(@ModelAttribute("input") RoleInput input, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		RoleForm form = new RoleForm(input.name(), blankToNull(input.description()), List.of());
		return attempt(new Edited(0, input.name(), input.description(), "", List.of()), form, result, model, response,
				redirect, () -> "Role " + roles.create(form).name() + " was created; tick its permissions and save.");
	}

	/** Clone under a new name: the copy is a custom role, editable from its own column. */
	@PostMapping("/roles/{id}/clone")
	String copy(@PathVariable long id, @ModelAttribute("input") RoleInput input, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String name = input.name();
		RoleForm form = new RoleForm(name, null, List.of());
		// The "clone" column id marks the clone form of role {id} as the one to show errors beside.
		return attempt(new Edited(-id, name, "", "", List.of()), form, result, model, response, redirect,
				() -> "Role " + roles.copy(id, name.strip()).name() + " was cloned; change its permissions and save.");
	}

	@PostMapping("/roles/{id}/delete")
	String delete(@PathVariable long id, @ModelAttribute("input") RoleInput input, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String name = roles.get(id).name();
		return attempt(null, null, result, model, response, redirect, () -> {
			roles.delete(id);
			return "Role " + name + " was deleted.";
		});
	}

	private String attempt(@Nullable Edited edited, @Nullable RoleForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Supplier<String> change) {
		if (form != null) {
			validator.validate(form)
				.forEach(violation -> result.addError(new FieldError(result.getObjectName(),
						violation.getPropertyPath().toString(), violation.getMessage())));
		}
		try {
			if (!result.hasErrors()) {
				redirect.addFlashAttribute("message", change.get());
				return "redirect:/roles";
			}
		}
		catch (ValidationFailed failed) {
			BoundForms.rejectNamed(result, failed);
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal.getMessage());
		}
		if (result.hasErrors()) {
			response.setStatus(422);
		}
		matrix(model);
		model.addAttribute("edited", edited);
		model.addAttribute("errors", forms.byField(result));
		return "staff/roles";
	}

	private static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

}
