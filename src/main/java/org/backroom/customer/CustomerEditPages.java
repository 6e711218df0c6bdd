package org.backroom.customer;

import java.math.BigDecimal;

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
 * The customer form, new or edit, bound by Spring MVC: what was typed is kept as typed and shown again beside each
 * error; the rules are CustomerForm's annotations and the service's refusals, the same the API applies.
 */
@PageController
class CustomerEditPages {

	private final CustomerService service;

	private final BoundForms forms;

	CustomerEditPages(CustomerService service, BoundForms forms) {
		this.service = service;
		this.forms = forms;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('customer.create')")
	@GetMapping("/customers/new")
	String create(Model model) {
		model.addAttribute("form", new CustomerForm(null, null, null, null, null, null, false, new BigDecimal("0.00")));
		return form(model, null, null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('customer.edit')")
	@GetMapping("/customers/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Customer c = service.get(id);
		model.addAttribute("form", new CustomerForm(c.name(), c.email(), c.phone(), c.address(), c.taxNumber(),
				c.notes(), c.creditAllowed(), c.creditLimit()));
		return form(model, c, c.version());
	}

	@PostMapping("/customers/new")
	String created(@Valid @ModelAttribute("form") CustomerForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return forms.save(form, result, () -> service.create(form), response)
			.map(saved -> saved(saved, redirect))
			.orElseGet(() -> form(model, null, null));
	}

	@PostMapping("/customers/{id}/edit")
	String edited(@PathVariable long id, @Valid @ModelAttribute("form") CustomerForm form, BindingResult result,
			@ModelAttribute("edit") FormVersion version, BindingResult versionResult, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return forms.save(form, result, () -> service.update(id, version.expected(), form), response)
			.map(saved -> saved(saved, redirect))
			.orElseGet(() -> form(model, service.get(id), version.version()));
	}

	private static String saved(Customer saved, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "Customer " + saved.name() + " (" + saved.code() + ") was saved.");
		return "redirect:/customers/" + saved.id();
	}

	private static String form(Model model, @Nullable Customer customer, @Nullable Long version) {
		model.addAttribute("customer", customer);
		model.addAttribute("version", version);
		return "customer/form";
	}

}
