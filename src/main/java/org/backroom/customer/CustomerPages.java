package org.backroom.customer;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordActions;
import org.backroom.permission.Permissions;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Customers as pages: the list, a customer's page with its Actions, and the picker of a new sale. */
@PageController
class CustomerPages {

	private final CustomerService service;

	private final RecordActions actions;

	private final Permissions permissions;

	CustomerPages(CustomerService service, RecordActions actions, Permissions permissions) {
		this.service = service;
		this.actions = actions;
		this.permissions = permissions;
	}

	/** The list; an htmx request (typing in the search box, changing the filter) gets just the results. */
	@GetMapping("/customers")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "active") String status,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("page", service.list(status, q, cursor, 25));
		model.addAttribute("canCreate", permissions.has("customer.create"));
		model.addAttribute("canMerge", permissions.has("customer.merge"));
		model.addAttribute("canImport", permissions.has("import.run") && permissions.has("customer.create")
				&& permissions.has("customer.edit"));
		return Htmx.isPartial(request) ? "customer/list :: results" : "customer/list";
	}

	@GetMapping("/customers/{id}")
	String record(@PathVariable long id, Model model) {
		Customer customer = service.get(id);
		model.addAttribute("customer", customer);
		model.addAttribute("edit", permissions.has("customer.edit") && customer.status() != LifecycleStatus.DELETED
				&& customer.status() != LifecycleStatus.MERGED ? "/customers/" + id + "/edit" : null);
		List<RecordActions.Offer> offers = new ArrayList<>(actions.offered("customers", id));
		if (customer.status() == LifecycleStatus.MERGED && permissions.has("customer.merge")) {
			offers.add(new RecordActions.Offer("unmerge", "Unmerge", "/customers/" + id + "/unmerge"));
		}
		model.addAttribute("offers", offers);
		model.addAttribute("survivor", customer.mergedInto() == null ? null : service.get(customer.mergedInto()));
		return "customer/record";
	}

	/** The dashboard's customer panel: how many are active and inactive (the first page's size caps nothing). */
	@GetMapping("/customers/figures")
	String figures(Model model) {
		model.addAttribute("counts", service.counts());
		return "customer/figures :: figures";
	}

	/** What the sale's customer picker offers: active customers only, from the same lookup as the API. */
	@GetMapping("/customers/picker")
	String picker(@RequestParam(defaultValue = "") String q, Model model) {
		List<Customers.Lookup> options = service.lookup(q);
		model.addAttribute("q", q);
		model.addAttribute("options", options);
		return "customer/picker :: options";
	}

	/** The customer chosen in the picker, as the sale form carries it. */
	@GetMapping("/customers/picker/choose")
	String choose(@RequestParam long id, Model model) {
		model.addAttribute("chosen", service.get(id));
		return "customer/picker :: chosen";
	}

}
