package org.backroom.webhooks;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.web.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints over HTTP: register, change, pause, remove; each one's delivery log, redeliver and replay. */
@Tag(name = "webhooks")
@RestController
class WebhookApi {

	private static final String PROBLEM = "application/problem+json";

	private final WebhookService webhooks;

	private final WebhookLog log;

	WebhookApi(WebhookService webhooks, WebhookLog log) {
		this.webhooks = webhooks;
		this.log = log;
	}

	@Schema(name = "WebhookList")
	record WebhookList(List<WebhookView> items, @Nullable String nextCursor) {
	}

	@Schema(name = "WebhookDeliveryList")
	record DeliveryList(List<Delivery> items, @Nullable String nextCursor) {
	}

	@Operation(operationId = "listWebhooks", summary = "The registered webhook endpoints (never their secrets)")
	@GetMapping("/api/webhooks")
	WebhookList list() {
		return new WebhookList(webhooks.list().stream().map(WebhookView::of).toList(), null);
	}

	@Operation(operationId = "createWebhook",
			summary = "Register an endpoint: {url, eventTypes (default [\"*\"]), secret (default: made), active, "
					+ "description}; the secret is in this answer only")
	@ApiResponse(responseCode = "201", description = "Registered; Location names it, and the answer holds its secret")
	@ApiResponse(responseCode = "422", description = "validation: not an http(s) URL, an unknown event type, a short "
			+ "secret (errors names each)", content = @Content(mediaType = PROBLEM))
	@PostMapping("/api/webhooks")
	ResponseEntity<WebhookView.WithSecret> create(@RequestBody WebhookInput input) {
		Endpoint endpoint = webhooks.create(input);
		return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id()))
			.body(WebhookView.WithSecret.of(endpoint));
	}

	@Operation(operationId = "getWebhook", summary = "One endpoint (never its secret)")
	@GetMapping("/api/webhooks/{id}")
	WebhookView get(@PathVariable long id) {
		return WebhookView.of(webhooks.get(id));
	}

	@Operation(operationId = "updateWebhook",
			summary = "Change an endpoint: any of {url, eventTypes, secret, rotateSecret, active, description}; "
					+ "active false pauses it")
	@ApiResponse(responseCode = "200", description = "Changed; the secret is shown only when rotateSecret made a new one")
	@ApiResponse(responseCode = "422", description = "validation: a field is not valid (errors names each)",
			content = @Content(mediaType = PROBLEM))
	@PatchMapping("/api/webhooks/{id}")
	WebhookView.WithSecret update(@PathVariable long id, @RequestBody WebhookInput input) {
		Endpoint endpoint = webhooks.update(id, input);
		WebhookView.WithSecret answer = WebhookView.WithSecret.of(endpoint);
		return Boolean.TRUE.equals(input.rotateSecret()) ? answer : answer.withoutSecret();
	}

	@Operation(operationId = "deleteWebhook", summary = "Remove an endpoint with its delivery log; it gets nothing more")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/webhooks/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "listWebhookDeliveries",
			summary = "An endpoint's delivery log, newest first: status, attempts, response code, error, timings")
	@GetMapping("/api/webhooks/{id}/deliveries")
	DeliveryList deliveries(@PathVariable long id, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		Page<Delivery> page = log.log(id, cursor, Page.limit(limit));
		return new DeliveryList(page.items(), page.nextCursor());
	}

	@Operation(operationId = "redeliverWebhookDelivery",
			summary = "Send one delivery's event again, as a new delivery (the event id stays the same)")
	@ApiResponse(responseCode = "202", description = "Queued; the answer is the new delivery")
	@PostMapping("/api/webhooks/{id}/deliveries/{deliveryId}/redeliver")
	ResponseEntity<Delivery> redeliver(@PathVariable long id, @PathVariable long deliveryId) {
		return ResponseEntity.accepted().body(log.redeliver(id, deliveryId));
	}

	@Operation(operationId = "replayWebhook",
			summary = "Send again every event the endpoint hears of from a time ({since}) or a sequence ({fromSequence})")
	@ApiResponse(responseCode = "202", description = "Queued, in order")
	@ApiResponse(responseCode = "422", description = "validation: neither or both of since and fromSequence",
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/api/webhooks/{id}/replay")
	ResponseEntity<WebhookLog.Replayed> replay(@PathVariable long id, @RequestBody WebhookLog.Replay replay) {
		return ResponseEntity.accepted().body(log.replay(id, replay));
	}

}
