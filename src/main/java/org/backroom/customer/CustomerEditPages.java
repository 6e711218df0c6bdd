package org.backroom.customer;

import java.math.BigDecimal;
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

/**
 * The customer form, new or edit. What was typed is kept as typed and shown again beside each error; the rules
 * are CustomerForm's annotations and the service's refusals, the same the API applies.
 */
@PageController
class CustomerEditPages {

	private static final String[] FIELDS = { "name", "email", "phone", "address", "taxNumber", "notes",
			"creditAllowed", "creditLimit", "version" };

	private final CustomerService service;

	private final Validator validator;

	CustomerEditPages(CustomerService service, Validator validator) {
		this.service = service;
		this.validator = validator;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('customer.create')")
	@GetMapping("/customers/new")
	String create(Model model) {
		return form(model, null, Map.of("creditLimit", "0.00"), new FieldErrors(), null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('customer.edit')")
	@GetMapping("/customers/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Customer c = service.get(id);
		Map<String, String> values = new java.util.HashMap<>();
		values.put("name", c.name());
		values.put("email", FormSubmission.text(c.email()));
		values.put("phone", FormSubmission.text(c.phone()));
		values.put("address", FormSubmission.text(c.address()));
		values.put("taxNumber", FormSubmission.text(c.taxNumber()));
		values.put("notes", FormSubmission.text(c.notes()));
		values.put("creditAllowed", c.creditAllowed() ? "true" : "");
		values.put("creditLimit", c.creditLimit().toPlainString());
		values.put("version", String.valueOf(c.version()));
		return form(model, c, values, new FieldErrors(), null);
	}

	@PostMapping("/customers/new")
	String created(@RequestParam Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(null, values, model, response, redirect);
	}

	@PostMapping("/customers/{id}/edit")
	String edited(@PathVariable long id, @RequestParam Map<String, String> values, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(id, values, model, response, redirect);
	}

	private String save(@Nullable Long id, Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FieldErrors errors = new FieldErrors();
		BigDecimal limit = null;
		try {
			limit = values.getOrDefault("creditLimit", "").isBlank() ? null : new BigDecimal(values.get("creditLimit").strip());
		}
		catch (NumberFormatException ex) {
			errors.add("creditLimit", "must be an amount, such as 250.00");
		}
		CustomerForm form = new CustomerForm(values.get("name"), values.get("email"), values.get("phone"),
				values.get("address"), values.get("taxNumber"), values.get("notes"),
				"true".equals(values.get("creditAllowed")), limit);
		errors.addAll(validator.validate(form));
		Customer current = id == null ? null : service.get(id);
		return FormSubmission.submit(errors,
				() -> id == null ? service.create(form) : service.update(id, FormSubmission.version(values), form),
				saved -> {
					redirect.addFlashAttribute("message", "Customer " + saved.name() + " (" + saved.code() + ") was saved.");
					return "redirect:/customers/" + saved.id();
				}, (problems, problem) -> form(model, current, values, problems, problem), response);
	}

	private static String form(Model model, @Nullable Customer customer, Map<String, String> values,
			FieldErrors errors, @Nullable String problem) {
		Map<String, String> shown = FormSubmission.shown(FIELDS, values);
		model.addAttribute("customer", customer);
		model.addAttribute("values", shown);
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("problem", problem);
		return "customer/form";
	}


}
