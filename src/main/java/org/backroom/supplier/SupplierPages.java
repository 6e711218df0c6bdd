package org.backroom.supplier;

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

/**
 * Suppliers as pages: the list, a supplier's page with its Actions and purchase orders (loaded from purchasing,
 * which owns them), and the supplier picker of a new purchase order.
 */
@PageController
class SupplierPages {

	private final SupplierService service;

	private final RecordActions actions;

	private final Permissions permissions;

	SupplierPages(SupplierService service, RecordActions actions, Permissions permissions) {
		this.service = service;
		this.actions = actions;
		this.permissions = permissions;
	}

	@GetMapping("/suppliers")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "active") String status,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("page", service.list(status, q, cursor, 25));
		model.addAttribute("canCreate", permissions.has("supplier.create"));
		model.addAttribute("canMerge", permissions.has("supplier.merge"));
		return Htmx.isPartial(request) ? "supplier/list :: results" : "supplier/list";
	}

	@GetMapping("/suppliers/{id:\\d+}")
	String record(@PathVariable long id, Model model) {
		Supplier supplier = service.get(id);
		model.addAttribute("supplier", supplier);
		model.addAttribute("edit", permissions.has("supplier.edit") && supplier.status() != LifecycleStatus.DELETED
				&& supplier.status() != LifecycleStatus.MERGED ? "/suppliers/" + id + "/edit" : null);
		List<RecordActions.Offer> offers = new ArrayList<>(actions.offered(SupplierRecords.PATH, id));
		if (supplier.status() == LifecycleStatus.MERGED && permissions.has("supplier.merge")) {
			offers.add(new RecordActions.Offer("unmerge", "Unmerge", "/suppliers/" + id + "/unmerge"));
		}
		model.addAttribute("offers", offers);
		model.addAttribute("survivor", supplier.mergedInto() == null ? null : service.get(supplier.mergedInto()));
		model.addAttribute("purchases", permissions.has("purchasing.view"));
		return "supplier/record";
	}

	/** What a purchase order's supplier picker offers: active suppliers only, from the same lookup as the API. */
	@GetMapping("/suppliers/picker")
	String picker(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("options", service.lookup(q));
		return "supplier/picker :: options";
	}

	/** The supplier chosen in the picker, as the purchase order form carries it. */
	@GetMapping("/suppliers/picker/choose")
	String choose(@RequestParam long id, Model model) {
		model.addAttribute("chosen", service.get(id));
		return "supplier/picker :: chosen";
	}

}
