package org.backroom.item;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The item pickers of the till and of a new purchase order, and the till's barcode field. They offer only active
 * items, from the same lookup as the API, and answer a line: for the sale's cart, or a purchase order line with a
 * quantity and the item's cost. The sale and the purchase order check every item again when they are saved.
 */
@PageController
class ItemPickerPages {

	private final ItemService service;

	ItemPickerPages(ItemService service) {
		this.service = service;
	}

	@GetMapping("/items/picker")
	String picker(@RequestParam(defaultValue = "") String q, Model model) {
		return options(q, model, "item/picker :: options");
	}

	@GetMapping("/items/purchase-picker")
	String purchasePicker(@RequestParam(defaultValue = "") String q, Model model) {
		return options(q, model, "item/purchase-picker :: options");
	}

	/** One cart line for the item picked; an item that stopped being active since it was offered is refused. */
	@GetMapping("/items/{id}/till-line")
	String line(@PathVariable long id, Model model, HttpServletResponse response) {
		Item item = service.get(id);
		if (item.status() != LifecycleStatus.ACTIVE) {
			return notActive(item, "sold", model, response, "#item-message");
		}
		model.addAttribute("line", new ItemLookups.Lookup(item.id(), item.sku(), item.name(), item.barcode(), item.price(),
				item.stockOnHand()));
		response.setHeader("HX-Trigger-After-Settle", "cart-changed");
		return "item/picker :: line";
	}

	/** One purchase order line; an item that stopped being active since it was offered is refused here already. */
	@GetMapping("/items/{id}/purchase-line")
	String purchaseLine(@PathVariable long id, Model model, HttpServletResponse response) {
		Item item = service.get(id);
		if (item.status() != LifecycleStatus.ACTIVE) {
			return notActive(item, "ordered", model, response, "#item-options");
		}
		model.addAttribute("item", item);
		return "item/purchase-picker :: line";
	}

	/** A scanned or typed barcode: the active item with exactly that barcode goes into the cart. */
	@GetMapping("/items/scan")
	String scan(@RequestParam(defaultValue = "") String barcode, Model model, HttpServletResponse response) {
		String code = barcode.strip();
		Optional<ItemLookups.Lookup> item = code.isEmpty() ? Optional.empty()
				: service.lookup(code).stream().filter(found -> code.equals(found.barcode())).findFirst();
		if (item.isEmpty()) {
			return message(model, response, "#scan-message", "No active item has the barcode “" + code + "”.");
		}
		model.addAttribute("line", item.get());
		response.setHeader("HX-Trigger-After-Settle", "cart-changed");
		return "item/picker :: line";
	}

	/** The active items matching what was typed, none for nothing typed, as the named fragment lists them. */
	private String options(String q, Model model, String fragment) {
		model.addAttribute("q", q);
		model.addAttribute("options", q.isBlank() ? List.of() : service.lookup(q));
		return fragment;
	}

	private static String notActive(Item item, String verb, Model model, HttpServletResponse response,
			String target) {
		return message(model, response, target,
				item.name() + " (" + item.sku() + ") is not active and cannot be " + verb + ".");
	}

	/** Says why nothing was added, in the message area instead of the lines (htmx retargets the answer). */
	private static String message(Model model, HttpServletResponse response, String target, String text) {
		response.setHeader("HX-Retarget", target);
		response.setHeader("HX-Reswap", "innerHTML");
		model.addAttribute("text", text);
		return "item/picker :: message";
	}

}
