package org.backroom.webhooks;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the API shows it: never its secret, only the secret's last four characters to tell which it is.
 *
 * @param eventTypes the types it hears of, or {@code ["*"]} for every type
 */
@Schema(name = "Webhook", description = "A webhook endpoint; its secret is never shown again after creation")
record WebhookView(long id, String url, List<String> eventTypes, boolean active, @Nullable String description,
		String secretHint, Instant createdAt, String createdBy, Instant updatedAt) {

	static WebhookView of(Endpoint endpoint) {
		List<String> types = endpoint.eventTypes() == null ? List.of(WebhookInput.EVERY) : endpoint.eventTypes();
		String secret = endpoint.secret();
		return new WebhookView(endpoint.id(), endpoint.url(), types, endpoint.active(), endpoint.description(),
				"…" + secret.substring(secret.length() - 4), endpoint.createdAt(), endpoint.createdBy(),
				endpoint.updatedAt());
	}

	/** The answer to a creation or a change: the endpoint, and its secret when it is new (shown this once). */
	@Schema(name = "WebhookWithSecret",
			description = "A webhook endpoint with its secret: shown on creation and when a new one was made, else null")
	record WithSecret(long id, String url, List<String> eventTypes, boolean active, @Nullable String description,
			@Nullable String secret, Instant createdAt, String createdBy, Instant updatedAt) {

		static WithSecret of(Endpoint endpoint) {
			WebhookView view = WebhookView.of(endpoint);
			return new WithSecret(view.id(), view.url(), view.eventTypes(), view.active(), view.description(),
					endpoint.secret(), view.createdAt(), view.createdBy(), view.updatedAt());
		}

		WithSecret withoutSecret() {
			return new WithSecret(id, url, eventTypes, active, description, null, createdAt, createdBy, updatedAt);
		}

	}

}
