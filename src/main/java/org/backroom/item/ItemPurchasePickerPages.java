package org.backroom.item;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The item picker of a new purchase order: active items only, from the same lookup as the till and the API, each
 * answered as an order line with a quantity and the item's cost. Purchasing checks every item again on saving.
 */
@PageController
class ItemPurchasePickerPages {

	private final ItemService service;

	ItemPurchasePickerPages(ItemService service) {
		this.service = service;
	}

	@GetMapping("/items/purchase-picker")
	String picker(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("options", q.isBlank() ? List.of() : service.lookup(q));
		return "item/purchase-picker :: options";
	}

	/** One purchase order line; an item that stopped being active since it was offered is refused here already. */
	@GetMapping("/items/{id}/purchase-line")
	String line(@PathVariable long id, Model model, HttpServletResponse response) {
		Item item = service.get(id);
		if (item.status() != LifecycleStatus.ACTIVE) {
			response.setHeader("HX-Retarget", "#item-options");
			response.setHeader("HX-Reswap", "innerHTML");
			model.addAttribute("text", item.name() + " (" + item.sku() + ") is not active and cannot be ordered.");
			return "item/picker :: message";
		}
		model.addAttribute("item", item);
		return "item/purchase-picker :: line";
	}

}
