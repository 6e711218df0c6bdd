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

	/** The draft as sent: the supplier and its lines, {@code lines[0].itemId} and so on, one per row of the form. */
	record Draft(@Nullable Long supplierId, @Nullable String supplierName, @Nullable List<@Nullable DraftLine> lines) {

		/** A row of the form; the item's label travels with it, so that nothing is looked up to show it again. */
		record DraftLine(@Nullable Long itemId, @Nullable String itemLabel, @Nullable Integer quantity,
				@Nullable BigDecimal unitCost) {
		}

		NewPurchaseOrder order() {
			List<NewPurchaseOrder.@Nullable Line> ordered = new ArrayList<>();
			rows().forEach(line -> ordered.add(line == null ? null
					: new NewPurchaseOrder.Line(line.itemId(), line.quantity(), line.unitCost())));
			return new NewPurchaseOrder(supplierId, ordered);
		}

		List<@Nullable DraftLine> rows() {
			return lines == null ? List.of() : lines;
		}

	}

	@PostMapping("/purchase-orders/new")
	String create(@ModelAttribute("draft") Draft draft, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		NewPurchaseOrder order = draft.order();
		validate(order, result);
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
				return again(model, draft, result, refusal.title() + ": " + refusal.getMessage());
			}
		}
		response.setStatus(422);
		return again(model, draft, result, null);
	}

	/** The order's own rules, on top of what could not be read at all (which is not also reported as missing). */
	private void validate(NewPurchaseOrder order, BindingResult result) {
		validator.validate(order)
			.stream()
			.filter(violation -> result.getFieldError(violation.getPropertyPath().toString()) == null)
			.forEach(violation -> result.addError(new FieldError(result.getObjectName(),
					violation.getPropertyPath().toString(), violation.getMessage())));
	}

	/** The form again with every row as it was typed, unreadable values too, and the errors beside them. */
	private String again(Model model, Draft draft, BindingResult result, @Nullable String problem) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < draft.rows().size(); i++) {
			String line = "lines[" + i + "].";
			rows.add(new Row(typed(result, line + "itemId"), typed(result, line + "itemLabel"),
					typed(result, line + "quantity"), typed(result, line + "unitCost")));
		}
		return show(model, draft.supplierId(), draft.supplierName(), rows, forms.byField(result), problem);
	}

	private static String typed(BindingResult result, String field) {
		Object value = result.getFieldValue(field);
		return value == null ? "" : value.toString();
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

}
