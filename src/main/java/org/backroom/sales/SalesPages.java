package org.backroom.sales;

import jakarta.servlet.http.HttpServletRequest;
import org.backroom.settings.SettingsService;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sales as pages: the list (also a customer's order history, which the customer page loads from here, since
 * orders are this feature's) and one order.
 */
@PageController
class SalesPages {

	private final SalesService service;

	private final SalesFigures figures;

	private final SettingsService settings;

	SalesPages(SalesService service, SalesFigures figures, SettingsService settings) {
		this.service = service;
		this.figures = figures;
		this.settings = settings;
	}

	/** The dashboard's sales panel: today, this month, and a bar per month for the last year. */
	@GetMapping("/sales/figures")
	@PreAuthorize("@permissions.require('sales.view')")
	String figures(Model model) {
		model.addAttribute("today", figures.since("day"));
		model.addAttribute("todayBefore", figures.yearBefore("day"));
		model.addAttribute("month", figures.since("month"));
		model.addAttribute("monthBefore", figures.yearBefore("month"));
		model.addAttribute("days", BarChart.of("Sales by day this month, against the same day last year",
				figures.daysOfThisMonth(), 5));
		model.addAttribute("months", BarChart.of("Sales per month over the last 12 months, against the year before",
				figures.monthsAgainstYearBefore(), 1));
		return "sales/figures :: figures";
	}

	/** Orders, newest first; also a customer's history ({@code customerId}) and a staff user's ({@code processedBy}). */
	@GetMapping("/sales")
	String list(@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable Long processedBy,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("customerId", customerId);
		model.addAttribute("processedBy", processedBy);
		model.addAttribute("page", service.list(customerId, true, processedBy, cursor, 25));
		return Htmx.isPartial(request) ? "sales/list :: orders" : "sales/list";
	}

	/** An item's history of sales, which the item page loads from here, since orders are this feature's. */
	@GetMapping("/sales/lines")
	String lines(@RequestParam long itemId, Model model) {
		model.addAttribute("lines", service.salesOf(itemId));
		return "sales/lines :: lines";
	}

	@GetMapping("/sales/{id:\\d+}")
	String order(@PathVariable long id, Model model) {
		model.addAttribute("order", service.get(id));
		return "sales/order";
	}

	/** The printable receipt: the store's name and address from the settings, for an 80 mm roll or an A4 sheet. */
	@GetMapping("/sales/{id:\\d+}/receipt")
	String receipt(@PathVariable long id, @RequestParam(defaultValue = "80mm") String paper, Model model) {
		model.addAttribute("order", service.get(id));
		model.addAttribute("store", settings.storeDetails());
		model.addAttribute("paper", "a4".equalsIgnoreCase(paper) ? "a4" : "80mm");
		return "sales/receipt";
	}

}
