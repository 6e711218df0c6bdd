package org.backroom.staff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.permission.Permissions;
import org.backroom.web.FieldErrors;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff form, new or edit, with roles as checkboxes. The user name and password count only on creation. Roles
 * are sent only by someone who may assign them (staff.manage); for others they are shown but left unchanged.
 */
@PageController
class StaffEditPages {

	private final StaffService service;

	private final RoleService roles;

	private final Permissions permissions;

	private final Validator validator;

	StaffEditPages(StaffService service, RoleService roles, Permissions permissions, Validator validator) {
		this.service = service;
		this.roles = roles;
		this.permissions = permissions;
		this.validator = validator;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('staff.create')")
	@GetMapping("/staff/new")
	String create(Model model) {
		return form(model, null, Map.of(), List.of(), new FieldErrors(), null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('staff.edit')")
	@GetMapping("/staff/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Staff member = service.get(id);
		Map<String, String> values = Map.of("username", member.username(), "displayName", member.displayName(),
				"email", member.email() == null ? "" : member.email(), "version", String.valueOf(member.version()));
		return form(model, member, values, member.roles(), new FieldErrors(), null);
	}

	@PostMapping({ "/staff/new", "/staff/{id}/edit" })
	String save(@PathVariable(required = false) @Nullable Long id, @RequestParam Map<String, String> values,
			@RequestParam(name = "role", required = false) @Nullable List<String> checked, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> chosen = checked == null ? List.of() : checked;
		// Unchecking every box sends no role at all: the form says it showed them, so "none" is meant.
		List<String> assigned = permissions.has("staff.manage") ? chosen : null;
		StaffForm form = new StaffForm(id == null ? values.get("username") : null, values.get("displayName"),
				values.get("email"), id == null ? blankToNull(values.get("password")) : null, assigned);
		FieldErrors errors = new FieldErrors().addAll(validator.validate(form));
		Staff current = id == null ? null : service.get(id);
		if (errors.isEmpty()) {
			try {
				Staff saved = id == null ? service.create(form)
						: service.update(id, Long.parseLong(values.getOrDefault("version", "-1")), form);
				redirect.addFlashAttribute("message", "Staff user " + saved.displayName() + " (" + saved.username()
						+ ") was saved.");
				return "redirect:/staff/" + saved.id();
			}
			catch (ValidationFailed failed) {
				errors.addAll(failed);
			}
			catch (Refusal refusal) {
				response.setStatus(refusal.status().value());
				return form(model, current, values, chosen, errors, refusal.getMessage());
			}
		}
		response.setStatus(422);
		return form(model, current, values, chosen, errors, null);
	}

	private String form(Model model, @Nullable Staff member, Map<String, String> values, List<String> checked,
			FieldErrors errors, @Nullable String problem) {
		Map<String, String> shown = new HashMap<>();
		for (String field : List.of("username", "displayName", "email", "version")) {
			shown.put(field, values.getOrDefault(field, ""));
		}
		// The password is never sent back to the browser, not even after an error.
		shown.put("password", "");
		model.addAttribute("member", member);
		model.addAttribute("values", shown);
		model.addAttribute("roles", roles.all());
		model.addAttribute("checked", checked);
		model.addAttribute("canAssign", permissions.has("staff.manage"));
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("problem", problem);
		return "staff/form";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
