package org.backroom.supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
 * The supplier form, new or edit, bound by Spring MVC: what was typed is kept as typed and shown again beside each
 * error; the rules are SupplierForm's annotations and the service's refusals, the same the API applies.
 */
@PageController
class SupplierEditPages {

	private final SupplierService service;

	private final BoundForms forms;

	SupplierEditPages(SupplierService service, BoundForms forms) {
		this.service = service;
		this.forms = forms;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('supplier.create')")
	@GetMapping("/suppliers/new")
	String create(Model model) {
		model.addAttribute("form", new SupplierForm(null, null, null, null, null, null, null, null));
		return form(model, null, null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('supplier.edit')")
	@GetMapping("/suppliers/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Supplier s = service.get(id);
		model.addAttribute("form", new SupplierForm(s.name(), s.contactName(), s.email(), s.phone(), s.address(),
				s.taxNumber(), s.paymentTerms(), s.notes()));
		return form(model, s, s.version());
	}

	@PostMapping("/suppliers/new")
	String created(@Valid @ModelAttribute("form") SupplierForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return forms.save(form, result, () -> service.create(form), response)
			.map(saved -> saved(saved, redirect))
			.orElseGet(() -> form(model, null, null));
	}

	@PostMapping("/suppliers/{id}/edit")
	String edited(@PathVariable long id, @Valid @ModelAttribute("form") SupplierForm form, BindingResult result,
			@ModelAttribute("edit") FormVersion version, BindingResult versionResult, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return forms.save(form, result, () -> service.update(id, version.expected(), form), response)
			.map(saved -> saved(saved, redirect))
			.orElseGet(() -> form(model, service.get(id), version.version()));
	}

	private static String saved(Supplier saved, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "Supplier " + saved.name() + " (" + saved.code() + ") was saved.");
		return "redirect:/suppliers/" + saved.id();
	}

	private static String form(Model model, @Nullable Supplier supplier, @Nullable Long version) {
		model.addAttribute("supplier", supplier);
		model.addAttribute("version", version);
		return "supplier/form";
	}

}
