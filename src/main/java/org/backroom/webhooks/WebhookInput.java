package org.backroom.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as an owner sends it; on an edit, fields left out keep their value.
 *
 * @param url where deliveries go: an {@code http://} or {@code https://} URL
 * @param eventTypes the event types it hears of, or {@code ["*"]} (the default) for every type
 * @param secret what deliveries are signed with, at least 16 characters; left out, Backroom makes one
 * @param rotateSecret on an edit, true makes a new secret, shown in that answer only
 * @param active false pauses it
 * @param description what it is for (the web shop, the accounts)
 */
@Schema(name = "WebhookInput",
		description = "An endpoint as an owner sends it; on an edit, fields left out keep their value")
record WebhookInput(@Nullable String url, @Nullable List<String> eventTypes, @Nullable String secret,
		@Nullable Boolean rotateSecret, @Nullable Boolean active, @Nullable String description) {

	static final String EVERY = "*";

	/** Checks every field sent; answers all that are wrong at once. */
	void check(Set<String> knownTypes, boolean creating) {
		List<ValidationFailed.FieldError> errors = new ArrayList<>();
		if (url != null || creating) {
			urlProblem(url).ifPresent(problem -> errors.add(new ValidationFailed.FieldError("url", problem)));
		}
		if (eventTypes != null) {
			typesProblem(eventTypes, knownTypes)
				.ifPresent(problem -> errors.add(new ValidationFailed.FieldError("eventTypes", problem)));
		}
		if (secret != null && (secret.strip().length() < 16 || secret.length() > 200)) {
			errors.add(new ValidationFailed.FieldError("secret", "must be from 16 to 200 characters"));
		}
		if (secret != null && Boolean.TRUE.equals(rotateSecret)) {
			errors.add(new ValidationFailed.FieldError("rotateSecret", "give a secret or ask for a new one, not both"));
		}
		if (description != null && description.length() > 200) {
			errors.add(new ValidationFailed.FieldError("description", "must be at most 200 characters"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
	}

	/** The types as stored: null for every type. */
	static @Nullable List<String> stored(List<String> types) {
		return types.contains(EVERY) ? null : List.copyOf(types);
	}

	private static Optional<String> urlProblem(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return Optional.of("is required");
		}
		if (url.length() > 2000) {
			return Optional.of("must be at most 2000 characters");
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
				return Optional.of("must be an http:// or https:// URL with a host");
			}
			return Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.of("is not a URL: " + ex.getReason());
		}
	}

	private static Optional<String> typesProblem(List<String> types, Set<String> known) {
		if (types.isEmpty()) {
			return Optional.of("must name at least one event type, or \"*\" for every type");
		}
		if (types.contains(EVERY) && types.size() > 1) {
			return Optional.of("\"*\" means every type and stands alone");
		}
		List<String> unknown = types.stream().filter(type -> !EVERY.equals(type) && (type == null || !known.contains(type))).toList();
		return unknown.isEmpty() ? Optional.empty()
				: Optional.of("has no such event type: " + String.join(", ", unknown.stream().map(String::valueOf).toList()));
	}

}
