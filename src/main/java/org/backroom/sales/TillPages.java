package org.backroom.sales;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.web.BoundForms;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The till: a customer (walk-in unless one is picked), items from typeahead pickers or a scanned barcode, a
 * payment method, the running total, and completing the sale through the same service as the API. A refused sale
 * shows why on the till with the cart as it was; the service's transaction has saved nothing of it.
 */
@PageController
class TillPages {

	private final SalesService service;

	private final Validator validator;

	private final BoundForms forms;

	TillPages(SalesService service, Validator validator, BoundForms forms) {
		this.service = service;
		this.validator = validator;
		this.forms = forms;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('sales.create')")
	@GetMapping("/sales/new")
	String till(Model model) {
		return show(model, new Cart(List.of()), null, null, "CASH", null, Map.of(), newSaleAttempt());
	}

	/** The running total, recomputed whenever a line is added, changed or removed. */
	@PostMapping("/sales/new/total")
	String total(@ModelAttribute("till") TillForm till, BindingResult result, Model model) {
		model.addAttribute("total", Cart.from(till.lines(), result::getFieldValue).total());
		return "sales/till :: total";
	}

	/** The till as sent: the customer, the payment, the cart's rows ({@code lines[0].itemId}…) and the attempt's key. */
	record TillForm(@Nullable Long customerId, @Nullable String customerName, String payment,
			@Nullable List<Cart.@Nullable Row> lines, @Nullable String idempotencyKey) {

		TillForm {
			payment = payment == null ? "" : payment;
		}

	}

	@PostMapping("/sales/new")
	String complete(@ModelAttribute("till") TillForm till, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		// A refused sale changed nothing, so showing it again keeps its key: the attempt is the same one.
		String attempt = till.idempotencyKey() != null ? till.idempotencyKey() : newSaleAttempt();
		Cart cart = Cart.from(till.lines(), result::getFieldValue);
		NewSale sale = new NewSale(till.customerId(), payment(till.payment()), cart.saleLines());
		check(sale, result);
		Refusal refused = null;
		if (!result.hasErrors()) {
			try {
				SalesOrder order = service.sell(sale);
				redirect.addFlashAttribute("message", "Sale " + order.number() + " completed: " + order.total() + " ("
						+ order.payment().name().toLowerCase(Locale.ROOT) + ").");
				return "redirect:/sales/" + order.id();
			}
			catch (ValidationFailed failed) {
				BoundForms.rejectNamed(result, failed);
			}
			catch (Refusal refusal) {
				refused = refusal;
			}
		}
		response.setStatus(refused == null ? 422 : refused.status().value());
		return show(model, cart, till.customerId(), till.customerName(), till.payment(), refused,
				forms.byField(result), attempt);
	}

	/** The sale's own rules, on top of what could not be read at all (which is not also reported as missing). */
	private void check(NewSale sale, BindingResult result) {
		if (sale.payment() == null) {
			result.addError(new FieldError(result.getObjectName(), "payment", "choose cash, card or credit"));
		}
		validator.validate(sale)
			.stream()
			.filter(violation -> !unreadable(result, violation.getPropertyPath().toString()))
			.forEach(violation -> result.addError(new FieldError(result.getObjectName(),
					violation.getPropertyPath().toString(), violation.getMessage())));
	}

	private static boolean unreadable(BindingResult result, String field) {
		FieldError error = result.getFieldError(field);
		return error != null && error.isBindingFailure();
	}

	private static String show(Model model, Cart cart, @Nullable Long customerId, @Nullable String customerName,
			String payment, @Nullable Refusal refusal, Map<String, String> errors, String attempt) {
		model.addAttribute("idempotencyKey", attempt);
		model.addAttribute("cart", cart);
		model.addAttribute("total", cart.total());
		model.addAttribute("customerId", customerId);
		model.addAttribute("customerName", customerName);
		model.addAttribute("payment", payment);
		TillRefusal told = refusal == null ? null : TillRefusal.of(refusal, cart);
		model.addAttribute("problem", told == null ? null : told.message());
		model.addAttribute("refusedLines", told == null ? Map.of() : told.lines());
		model.addAttribute("errors", errors);
		return "sales/till";
	}

	/**
	 * One key per sale attempt, made when the till is shown and sent with the form: a double click or a resent form
	 * gets the first submission's answer (the same order) instead of selling twice. A completed sale leads away
	 * from the till, and the next till gets a new key.
	 */
	private static String newSaleAttempt() {
		return UUID.randomUUID().toString();
	}

	private static NewSale.@Nullable Payment payment(String value) {
		for (NewSale.Payment method : NewSale.Payment.values()) {
			if (method.name().equalsIgnoreCase(value)) {
				return method;
			}
		}
		return null;
	}

}
