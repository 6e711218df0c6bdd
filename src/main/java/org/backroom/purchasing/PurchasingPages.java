package org.backroom.purchasing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.purchasing.PurchaseOrderStatus.Move;
import org.backroom.permission.Permissions;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Purchase orders as pages: the list (also a supplier's history, which the supplier page loads from here), one
 * order with the moves it allows now, and an item's purchase history. Every move goes through the service.
 */
@PageController
class PurchasingPages {

	private final PurchasingService service;

	private final Permissions permissions;

	PurchasingPages(PurchasingService service, Permissions permissions) {
		this.service = service;
		this.permissions = permissions;
	}

	@GetMapping("/purchase-orders")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(required = false) @Nullable Long supplierId,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("page", service.list(supplierId, true, status, cursor, 25));
		model.addAttribute("canCreate", permissions.has("purchasing.create"));
		return Htmx.isPartial(request) ? "purchasing/list :: orders" : "purchasing/list";
	}

	@GetMapping("/purchase-orders/{id:\\d+}")
	String order(@PathVariable long id, Model model) {
		PurchaseOrder order = service.get(id);
		model.addAttribute("order", order);
		model.addAttribute("moves", Arrays.stream(Move.values())
			.filter(move -> order.status().allows(move) && permissions.has("purchasing." + move.verb()))
			.map(move -> move.verb())
			.toList());
		return "purchasing/order";
	}

	/** An item's purchase history, which the item page loads from here, since purchase orders are this feature's. */
	@GetMapping("/purchase-orders/lines")
	String lines(@RequestParam long itemId, Model model) {
		model.addAttribute("lines", service.purchasesOf(itemId));
		return "purchasing/lines :: lines";
	}

	/** Order, receive or cancel; a refusal (such as an inactive supplier) is shown on the order's page. */
	@PostMapping("/purchase-orders/{id:\\d+}/{verb:order|receive|cancel}")
	String move(@PathVariable long id, @PathVariable String verb, @RequestParam(defaultValue = "") String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			PurchaseOrder moved = switch (Move.valueOf(verb.toUpperCase(Locale.ROOT))) {
				case ORDER -> service.order(id);
				case RECEIVE -> service.receive(id);
				case CANCEL -> service.cancel(id, reason);
			};
			redirect.addFlashAttribute("message", "Purchase order " + moved.number() + " is "
					+ moved.status().name().toLowerCase(Locale.ROOT) + ".");
			return "redirect:/purchase-orders/" + id;
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal.title() + ": " + refusal.getMessage());
			return order(id, model);
		}
	}

	/** The filters of the list, in the order an order goes through them. */
	@ModelAttribute("statuses")
	List<String> statuses() {
		return List.of("draft", "ordered", "received", "cancelled");
	}

}
