package org.backroom.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.events.EventFeed;
import org.backroom.web.Htmx;
import org.backroom.web.Page;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Webhooks section of the settings: the endpoints, a form to add one, pause, resume and remove, and each
 * endpoint's delivery log with "Redeliver". The checks are the service's, as for the API.
 */
@PageController
class WebhookPages {

	private final WebhookService webhooks;

	private final WebhookLog log;

	private final EventFeed feed;

	WebhookPages(WebhookService webhooks, WebhookLog log, EventFeed feed) {
		this.webhooks = webhooks;
		this.log = log;
		this.feed = feed;
	}

	/** The add form as sent: {@code scope} is {@code all} or {@code some} (then {@code eventType} lists them). */
	record NewEndpointForm(String url, String scope, List<String> eventType, String secret, String description) {

		NewEndpointForm(@Nullable String url, @Nullable String scope, @Nullable List<String> eventType,
				@Nullable String secret, @Nullable String description) {
			this.url = url == null ? "" : url.strip();
			this.scope = scope == null ? "all" : scope;
			this.eventType = eventType == null ? List.of() : List.copyOf(eventType);
			this.secret = secret == null ? "" : secret.strip();
			this.description = description == null ? "" : description;
		}

		WebhookInput input() {
			return new WebhookInput(url, scope.equals("some") ? eventType : List.of(WebhookInput.EVERY),
					secret.isEmpty() ? null : secret, null, true, description);
		}

	}

	@GetMapping("/settings/webhooks")
	String list(Model model) {
		return page(model, new NewEndpointForm(null, null, null, null, null), Map.of());
	}

	@PostMapping("/settings/webhooks")
	String add(@ModelAttribute("endpointForm") NewEndpointForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Endpoint endpoint = webhooks.create(form.input());
			redirect.addFlashAttribute("message", "Webhook added. Copy its secret now: it is not shown again.");
			redirect.addFlashAttribute("newSecret", endpoint.secret());
			return "redirect:/settings/webhooks";
		}
		catch (ValidationFailed failed) {
			response.setStatus(422);
			return page(model, form, errors(failed));
		}
	}

	@PostMapping("/settings/webhooks/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return activate(id, false, redirect);
	}

	@PostMapping("/settings/webhooks/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return activate(id, true, redirect);
	}

	@PostMapping("/settings/webhooks/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		webhooks.delete(id);
		redirect.addFlashAttribute("message", "Webhook removed.");
		return "redirect:/settings/webhooks";
	}

	@GetMapping("/settings/webhooks/{id}")
	String endpoint(@PathVariable long id, @RequestParam(required = false) @Nullable String cursor, Model model,
			HttpServletRequest request) {
		model.addAttribute("endpoint", WebhookView.of(webhooks.get(id)));
		model.addAttribute("page", log.log(id, cursor, Page.DEFAULT_LIMIT));
		return Htmx.isPartial(request) ? "webhooks/endpoint :: log" : "webhooks/endpoint";
	}

	@PostMapping("/settings/webhooks/{id}/deliveries/{deliveryId}/redeliver")
	String redeliver(@PathVariable long id, @PathVariable long deliveryId, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		Delivery queued = log.redeliver(id, deliveryId);
		String message = "Event " + queued.eventId() + " queued again as delivery " + queued.id() + ".";
		if (Htmx.isPartial(request)) {
			model.addAttribute("message", message);
			return endpoint(id, null, model, request);
		}
		redirect.addFlashAttribute("message", message);
		return "redirect:/settings/webhooks/" + id;
	}

	private String activate(long id, boolean active, RedirectAttributes redirect) {
		webhooks.update(id, new WebhookInput(null, null, null, null, active, null));
		redirect.addFlashAttribute("message", active ? "Webhook resumed." : "Webhook paused: it gets nothing until resumed.");
		return "redirect:/settings/webhooks";
	}

	private String page(Model model, NewEndpointForm form, Map<String, String> errors) {
		model.addAttribute("endpoints", webhooks.list().stream().map(WebhookView::of).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", feed.types());
		return "webhooks/list";
	}

	private static Map<String, String> errors(ValidationFailed failed) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (failed.properties().get("errors") instanceof List<?> all) {
			all.stream()
				.filter(ValidationFailed.FieldError.class::isInstance)
				.map(ValidationFailed.FieldError.class::cast)
				.forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
		}
		return errors;
	}

}
