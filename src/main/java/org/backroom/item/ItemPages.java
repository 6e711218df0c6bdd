package org.backroom.item;

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
 * Items as pages: the list and an item's page with its stock and Actions. Its history (sales and purchase order
 * lines) is loaded from the features that own those orders, so no order table is read from here.
 */
@PageController
class ItemPages {

	/** Stock at or below this counts as low on the dashboard: a few days of a slow seller. */
	static final int LOW_STOCK = 5;

	private final ItemService service;

	private final RecordActions actions;

	private final Permissions permissions;

	ItemPages(ItemService service, RecordActions actions, Permissions permissions) {
		this.service = service;
		this.actions = actions;
		this.permissions = permissions;
	}

	/** The list; an htmx request (typing in the search box) gets just the results. */
	@GetMapping("/items")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "active") String status,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("page", service.list(status, q, cursor, 25));
		model.addAttribute("canCreate", permissions.has("item.create"));
		model.addAttribute("canMerge", permissions.has("item.merge"));
		model.addAttribute("canImport", permissions.has("import.run") && permissions.has("item.create")
				&& permissions.has("item.edit"));
		return Htmx.isPartial(request) ? "item/list :: results" : "item/list";
	}

	@GetMapping("/items/{id:\\d+}")
	String record(@PathVariable long id, Model model) {
		Item item = service.get(id);
		model.addAttribute("item", item);
		model.addAttribute("edit", permissions.has("item.edit") && item.status() != LifecycleStatus.DELETED
				&& item.status() != LifecycleStatus.MERGED ? "/items/" + id + "/edit" : null);
		List<RecordActions.Offer> offers = new ArrayList<>(actions.offered(ItemRecords.PATH, id));
		if (item.status() == LifecycleStatus.MERGED && permissions.has("item.merge")) {
			offers.add(new RecordActions.Offer("unmerge", "Unmerge", "/items/" + id + "/unmerge"));
		}
		model.addAttribute("offers", offers);
		model.addAttribute("survivor", item.mergedInto() == null ? null : service.get(item.mergedInto()));
		model.addAttribute("sales", permissions.has("sales.view"));
		model.addAttribute("purchases", permissions.has("purchasing.view"));
		return "item/record";
	}

	/** The dashboard's panel: active tracked items with little or no stock left, fewest first. */
	@GetMapping("/items/low-stock")
	String lowStock(Model model) {
		model.addAttribute("threshold", LOW_STOCK);
		model.addAttribute("low", service.lowStock(LOW_STOCK));
		return "item/low-stock :: panel";
	}

}
