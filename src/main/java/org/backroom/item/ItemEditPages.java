package org.backroom.item;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.web.FieldErrors;
import org.backroom.web.FormSubmission;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item form, new or edit. What was typed is kept as typed and shown again beside each error; the rules are
 * ItemForm's annotations and the service's refusals (a SKU or barcode already used), the same the API applies.
 */
@PageController
class ItemEditPages {

	private static final String[] FIELDS = { "sku", "name", "description", "barcode", "category", "price", "cost",
			"trackStock", "version" };

	private final ItemService service;

	private final Validator validator;

	ItemEditPages(ItemService service, Validator validator) {
		this.service = service;
		this.validator = validator;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('item.create')")
	@GetMapping("/items/new")
	String create(Model model) {
		return form(model, null, Map.of("trackStock", "true"), new FieldErrors(), null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('item.edit')")
	@GetMapping("/items/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Item item = service.get(id);
		Map<String, String> values = new HashMap<>();
		values.put("sku", item.sku());
		values.put("name", item.name());
		values.put("description", FormSubmission.text(item.description()));
		values.put("barcode", FormSubmission.text(item.barcode()));
		values.put("category", FormSubmission.text(item.category()));
		values.put("price", item.price().toPlainString());
		values.put("cost", item.cost() == null ? "" : item.cost().toPlainString());
		values.put("trackStock", item.trackStock() ? "true" : "");
		values.put("version", String.valueOf(item.version()));
		return form(model, item, values, new FieldErrors(), null);
	}

	@PostMapping("/items/new")
	String created(@RequestParam Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(null, values, model, response, redirect);
	}

	@PostMapping("/items/{id}/edit")
	String edited(@PathVariable long id, @RequestParam Map<String, String> values, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(id, values, model, response, redirect);
	}

	private String save(@Nullable Long id, Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FieldErrors errors = new FieldErrors();
		ItemForm form = new ItemForm(values.get("sku"), values.get("name"), values.get("description"),
				values.get("barcode"), values.get("category"), amount(values, "price", errors),
				amount(values, "cost", errors), "true".equals(values.get("trackStock")));
		// A field already refused as unreadable is not also reported as missing.
		errors.addAll(validator.validate(form).stream()
			.filter(violation -> !errors.getMap().containsKey(violation.getPropertyPath().toString()))
			.collect(java.util.stream.Collectors.toSet()));
		Item current = id == null ? null : service.get(id);
		return FormSubmission.submit(errors,
				() -> id == null ? service.create(form) : service.update(id, FormSubmission.version(values), form),
				saved -> {
					redirect.addFlashAttribute("message", "Item " + saved.name() + " (" + saved.sku() + ") was saved.");
					return "redirect:/items/" + saved.id();
				}, (problems, problem) -> form(model, current, values, problems, problem), response);
	}

	/** An amount as typed; text that is not one is an error on its field, and blank is left to the rules. */
	private static @Nullable BigDecimal amount(Map<String, String> values, String field, FieldErrors errors) {
		String typed = values.getOrDefault(field, "").strip();
		if (typed.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(typed);
		}
		catch (NumberFormatException ex) {
			errors.add(field, "must be an amount, such as 4.50");
			return null;
		}
	}

	private static String form(Model model, @Nullable Item item, Map<String, String> values, FieldErrors errors,
			@Nullable String problem) {
		Map<String, String> shown = FormSubmission.shown(FIELDS, values);
		model.addAttribute("item", item);
		model.addAttribute("values", shown);
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("problem", problem);
		return "item/form";
	}


}
