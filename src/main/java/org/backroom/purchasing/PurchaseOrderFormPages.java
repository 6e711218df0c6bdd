package org.backroom.purchasing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A new purchase order: a supplier and items from pickers that offer only active records (the supplier and item
 * features serve them), quantities and unit costs. A refused draft comes back with every line as typed and the
 * errors beside them; the service saves nothing of it.
 */
@PageController
class PurchaseOrderFormPages {

	private final PurchasingService service;

	private final Validator validator;

	private final BoundForms forms;

	PurchaseOrderFormPages(PurchasingService service, Validator validator, BoundForms forms) {
		this.service = service;
		this.validator = validator;
		this.forms = forms;
	}

	/** A line as typed, kept to show it again: the item's label travels with the form, so nothing is looked up. */
	record Row(String itemId, String label, String quantity, String unitCost) {
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('purchasing.create')")
	@GetMapping("/purchase-orders/new")
	String form(Model model) {
		return show(model, null, null, List.of(), Map.of(), null);
	}

	/** The draft as sent: the supplier and the lines as parallel lists, one entry per row of the form. */
	record Draft(@Nullable Long supplierId, @Nullable String supplierName, @Nullable List<String> itemId,
			@Nullable List<String> itemLabel, @Nullable List<String> quantity, @Nullable List<String> unitCost) {

		List<Row> rows() {
			List<Row> rows = new ArrayList<>();
			int count = itemId == null ? 0 : itemId.size();
			for (int i = 0; i < count; i++) {
				rows.add(new Row(at(itemId, i), at(itemLabel, i), at(quantity, i), at(unitCost, i)));
			}
			return rows;
		}

	}

	@PostMapping("/purchase-orders/new")
	String create(@ModelAttribute("draft") Draft draft, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<Row> rows = draft.rows();
		List<NewPurchaseOrder.Line> lines = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			lines.add(new NewPurchaseOrder.Line(number(row.itemId(), "lines[" + i + "].itemId", result),
					whole(row.quantity(), "lines[" + i + "].quantity", result),
					amount(row.unitCost(), "lines[" + i + "].unitCost", result)));
		}
		NewPurchaseOrder order = new NewPurchaseOrder(draft.supplierId(), lines);
		// A field already refused as unreadable is not also reported as missing.
		validator.validate(order)
			.stream()
			.filter(violation -> result.getFieldError(violation.getPropertyPath().toString()) == null)
			.forEach(violation -> reject(result, violation.getPropertyPath().toString(), violation.getMessage()));
		if (!result.hasErrors()) {
			try {
				PurchaseOrder created = service.create(order);
				redirect.addFlashAttribute("message", "Purchase order " + created.number() + " was drafted: "
						+ created.total() + ". Order it when it is ready to send.");
				return "redirect:/purchase-orders/" + created.id();
			}
			catch (ValidationFailed failed) {
				BoundForms.rejectNamed(result, failed);
			}
			catch (Refusal refusal) {
				response.setStatus(refusal.status().value());
				return show(model, draft.supplierId(), draft.supplierName(), rows, forms.byField(result),
						refusal.title() + ": " + refusal.getMessage());
			}
		}
		response.setStatus(422);
		return show(model, draft.supplierId(), draft.supplierName(), rows, forms.byField(result), null);
	}

	private static String show(Model model, @Nullable Long supplierId, @Nullable String supplierName, List<Row> rows,
			Map<String, String> errors, @Nullable String problem) {
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("supplierName", supplierName);
		model.addAttribute("rows", rows);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		return "purchasing/new";
	}

	private static void reject(BindingResult result, String field, String message) {
		result.addError(new FieldError(result.getObjectName(), field, message));
	}

	private static String at(@Nullable List<String> values, int index) {
		return values == null || index >= values.size() ? "" : values.get(index).strip();
	}

	private static @Nullable Long number(String typed, String field, BindingResult errors) {
		try {
			return typed.isEmpty() ? null : Long.valueOf(typed);
		}
		catch (NumberFormatException ex) {
			reject(errors, field, "pick the item again");
			return null;
		}
	}

	private static @Nullable Integer whole(String typed, String field, BindingResult errors) {
		try {
			return typed.isEmpty() ? null : Integer.valueOf(typed);
		}
		catch (NumberFormatException ex) {
			reject(errors, field, "must be a whole number, such as 12");
			return null;
		}
	}

	/** Blank is allowed: the order then uses the item's own cost. */
	private static @Nullable BigDecimal amount(String typed, String field, BindingResult errors) {
		try {
			return typed.isEmpty() ? null : new BigDecimal(typed);
		}
		catch (NumberFormatException ex) {
			reject(errors, field, "must be an amount, such as 2.40");
			return null;
		}
	}

}
