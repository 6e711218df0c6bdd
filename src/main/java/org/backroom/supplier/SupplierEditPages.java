package org.backroom.supplier;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.web.FieldErrors;
import org.backroom.web.FormSubmission;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier form, new or edit: SupplierForm's rules and the service's refusals, what was typed kept. */
@PageController
class SupplierEditPages {

	private static final String[] FIELDS = { "name", "contactName", "email", "phone", "address", "taxNumber",
			"paymentTerms", "notes", "version" };

	private final SupplierService service;

	private final Validator validator;

	SupplierEditPages(SupplierService service, Validator validator) {
		this.service = service;
		this.validator = validator;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('supplier.create')")
	@GetMapping("/suppliers/new")
	String create(Model model) {
		return form(model, null, Map.of(), new FieldErrors(), null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('supplier.edit')")
	@GetMapping("/suppliers/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Supplier s = service.get(id);
		Map<String, String> values = new HashMap<>();
		values.put("name", s.name());
		values.put("contactName", FormSubmission.text(s.contactName()));
		values.put("email", FormSubmission.text(s.email()));
		values.put("phone", FormSubmission.text(s.phone()));
		values.put("address", FormSubmission.text(s.address()));
		values.put("taxNumber", FormSubmission.text(s.taxNumber()));
		values.put("paymentTerms", FormSubmission.text(s.paymentTerms()));
		values.put("notes", FormSubmission.text(s.notes()));
		values.put("version", String.valueOf(s.version()));
		return form(model, s, values, new FieldErrors(), null);
	}

	@PostMapping("/suppliers/new")
	String created(@RequestParam Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(null, values, model, response, redirect);
	}

	@PostMapping("/suppliers/{id}/edit")
	String edited(@PathVariable long id, @RequestParam Map<String, String> values, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(id, values, model, response, redirect);
	}

	private String save(@Nullable Long id, Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		SupplierForm form = new SupplierForm(values.get("name"), values.get("contactName"), values.get("email"),
				values.get("phone"), values.get("address"), values.get("taxNumber"), values.get("paymentTerms"),
				values.get("notes"));
		FieldErrors errors = new FieldErrors().addAll(validator.validate(form));
		Supplier current = id == null ? null : service.get(id);
		return FormSubmission.submit(errors,
				() -> id == null ? service.create(form) : service.update(id, FormSubmission.version(values), form),
				saved -> {
					redirect.addFlashAttribute("message", "Supplier " + saved.name() + " (" + saved.code() + ") was saved.");
					return "redirect:/suppliers/" + saved.id();
				}, (problems, problem) -> form(model, current, values, problems, problem), response);
	}

	private static String form(Model model, @Nullable Supplier supplier, Map<String, String> values,
			FieldErrors errors, @Nullable String problem) {
		Map<String, String> shown = FormSubmission.shown(FIELDS, values);
		model.addAttribute("supplier", supplier);
		model.addAttribute("values", shown);
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("problem", problem);
		return "supplier/form";
	}


}
