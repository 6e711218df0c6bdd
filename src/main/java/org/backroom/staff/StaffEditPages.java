package org.backroom.staff;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.permission.Permissions;
import org.backroom.web.BoundForms;
import org.backroom.web.FormVersion;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff form, new or edit, with roles as checkboxes, bound by Spring MVC. The user name and password count
 * only on creation. Roles are sent only by someone who may assign them (staff.manage); for others they are shown
 * but left unchanged.
 */
@PageController
class StaffEditPages {

	private final StaffService service;

	private final RoleService roles;

	private final Permissions permissions;

	private final Validator validator;

	private final BoundForms forms;

	StaffEditPages(StaffService service, RoleService roles, Permissions permissions, Validator validator,
			BoundForms forms) {
		this.service = service;
		this.roles = roles;
		this.permissions = permissions;
		this.validator = validator;
		this.forms = forms;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('staff.create')")
	@GetMapping("/staff/new")
	String create(Model model) {
		model.addAttribute("form", new StaffForm(null, null, null, null, List.of()));
		return form(model, null, null, List.of());
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('staff.edit')")
	@GetMapping("/staff/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Staff member = service.get(id);
		model.addAttribute("form", new StaffForm(member.username(), member.displayName(), member.email(), null,
				member.roles()));
		return form(model, member, member.version(), member.roles());
	}

	@PostMapping({ "/staff/new", "/staff/{id}/edit" })
	String save(@PathVariable(required = false) @Nullable Long id, @ModelAttribute("form") StaffForm typed,
			BindingResult result, @ModelAttribute("edit") FormVersion version, BindingResult versionResult,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffForm form = meant(id, typed);
		validator.validate(form)
			.forEach(wrong -> BoundForms.rejectField(result, wrong.getPropertyPath().toString(), wrong.getMessage()));
		Staff current = id == null ? null : service.get(id);
		return forms
			.save(form, result, () -> id == null ? service.create(form) : service.update(id, version.expected(), form),
					response)
			.map(saved -> {
				redirect.addFlashAttribute("message", "Staff user " + saved.displayName() + " (" + saved.username()
						+ ") was saved.");
				return "redirect:/staff/" + saved.id();
			})
			.orElseGet(() -> form(model, current, version.version(), typed.roleNames()));
	}

	/**
	 * What the form means: the user name and password only on creation (an empty password is none), roles only from
	 * someone who may assign them. Unchecking every box sends no role at all: the form showed them, so "none" is meant.
	 */
	private StaffForm meant(@Nullable Long id, StaffForm typed) {
		List<String> assigned = permissions.has("staff.manage") ? typed.roleNames() : null;
		String password = typed.password() == null || typed.password().isEmpty() ? null : typed.password();
		return new StaffForm(id == null ? typed.username() : null, typed.displayName(), typed.email(),
				id == null ? password : null, assigned);
	}

	private String form(Model model, @Nullable Staff member, @Nullable Long version, List<String> checked) {
		model.addAttribute("member", member);
		model.addAttribute("version", version);
		model.addAttribute("roles", roles.all());
		model.addAttribute("checked", checked);
		model.addAttribute("canAssign", permissions.has("staff.manage"));
		return "staff/form";
	}

}
