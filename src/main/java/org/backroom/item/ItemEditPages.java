package org.backroom.item;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.backroom.web.BoundForms;
import org.backroom.web.FormVersion;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item form, new or edit, bound by Spring MVC: what was typed is kept as typed and shown again beside each
 * error (a price that is no amount too); the rules are ItemForm's annotations and the service's refusals (a SKU or
 * barcode already used), the same the API applies.
 */
@PageController
class ItemEditPages {

	private final ItemService service;

	private final BoundForms forms;

	ItemEditPages(ItemService service, BoundForms forms) {
		this.service = service;
		this.forms = forms;
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('item.create')")
	@GetMapping("/items/new")
	String create(Model model) {
		model.addAttribute("form", new ItemForm(null, null, null, null, null, null, null, true));
		return form(model, null, null);
	}

	// The form is offered only to those whose save would be allowed.
	@PreAuthorize("@permissions.require('item.edit')")
	@GetMapping("/items/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Item item = service.get(id);
		model.addAttribute("form", new ItemForm(item.sku(), item.name(), item.description(), item.barcode(),
				item.category(), item.price(), item.cost(), item.trackStock()));
		return form(model, item, item.version());
	}

	@PostMapping("/items/new")
	String created(@Valid @ModelAttribute("form") ItemForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return forms.save(form, result, () -> service.create(form), response)
			.map(saved -> saved(saved, redirect))
			.orElseGet(() -> form(model, null, null));
	}

	@PostMapping("/items/{id}/edit")
	String edited(@PathVariable long id, @Valid @ModelAttribute("form") ItemForm form, BindingResult result,
			@ModelAttribute("edit") FormVersion version, BindingResult versionResult, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return forms.save(form, result, () -> service.update(id, version.expected(), form), response)
			.map(saved -> saved(saved, redirect))
			.orElseGet(() -> form(model, service.get(id), version.version()));
	}

	private static String saved(Item saved, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "Item " + saved.name() + " (" + saved.sku() + ") was saved.");
		return "redirect:/items/" + saved.id();
	}

	private static String form(Model model, @Nullable Item item, @Nullable Long version) {
		model.addAttribute("item", item);
		model.addAttribute("version", version);
		return "item/form";
	}

}
