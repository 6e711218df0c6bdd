package org.backroom.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.audit.AuditTrail;
import org.backroom.events.EventFeed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, changing and removing webhook endpoints; each change is audited (never with the secret). All of it
 * needs {@code webhooks.manage}.
 */
@Service
class WebhookService {

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final EventFeed feed;

	private final AuditTrail audit;

	WebhookService(Endpoints endpoints, Deliveries deliveries, EventFeed feed, AuditTrail audit) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.feed = feed;
		this.audit = audit;
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional(readOnly = true)
	List<Endpoint> list() {
		return endpoints.all();
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional(readOnly = true)
	Endpoint get(long id) {
		return endpoints.find(id).orElseThrow(() -> NoSuchWebhook.endpoint(id));
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional
	Endpoint create(WebhookInput input) {
		input.check(feed.types(), true);
		String secret = input.secret() == null ? Signature.newSecret() : input.secret().strip();
		Endpoints.Fields fields = new Endpoints.Fields(String.valueOf(input.url()).strip(),
				WebhookInput.stored(input.eventTypes() == null ? List.of(WebhookInput.EVERY) : input.eventTypes()),
				secret, !Boolean.FALSE.equals(input.active()), blankless(input.description()));
		if (fields.active()) {
			deliveries.holdFanOut();
		}
		long id = endpoints.insert(fields, actor());
		audit.record("webhook.create", "webhook", id, null, facts(fields, input.secret() == null ? "generated" : "set"));
		return get(id);
	}

	/** Changes what was sent and keeps the rest; a pause or resume is audited as such. */
	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional
	Endpoint update(long id, WebhookInput input) {
		input.check(feed.types(), false);
		if (Boolean.TRUE.equals(input.active())) {
			// Before the endpoint's row, in the fan-out's own order (its place, then the endpoints its deliveries
			// name), so that a resume and a round never wait for each other in a circle.
			deliveries.holdFanOut();
		}
		Endpoint before = endpoints.lock(id).orElseThrow(() -> NoSuchWebhook.endpoint(id));
		String secret = Boolean.TRUE.equals(input.rotateSecret()) ? Signature.newSecret()
				: input.secret() != null ? input.secret().strip() : before.secret();
		Endpoints.Fields after = new Endpoints.Fields(input.url() == null ? before.url() : input.url().strip(),
				input.eventTypes() == null ? before.eventTypes() : WebhookInput.stored(input.eventTypes()), secret,
				input.active() == null ? before.active() : input.active(),
				input.description() == null ? before.description() : blankless(input.description()));
		endpoints.update(id, after);
		Map<String, Object> changes = changes(before, after);
		if (!changes.isEmpty()) {
			audit.record(action(before, after, changes), "webhook", id, null, changes);
		}
		return get(id);
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional
	void delete(long id) {
		Endpoint endpoint = endpoints.lock(id).orElseThrow(() -> NoSuchWebhook.endpoint(id));
		endpoints.delete(id);
		audit.record("webhook.delete", "webhook", id, null, Map.of("url", endpoint.url()));
	}

	private static Map<String, Object> facts(Endpoints.Fields fields, String secret) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("url", fields.url());
		facts.put("eventTypes", fields.eventTypes() == null ? List.of(WebhookInput.EVERY) : fields.eventTypes());
		facts.put("active", fields.active());
		facts.put("secret", secret);
		return facts;
	}

	private static Map<String, Object> changes(Endpoint before, Endpoints.Fields after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		change(changes, "url", before.url(), after.url());
		change(changes, "eventTypes", before.eventTypes(), after.eventTypes());
		change(changes, "active", before.active(), after.active());
		change(changes, "description", before.description(), after.description());
		if (!before.secret().equals(after.secret())) {
			changes.put("secret", "changed");
		}
		return changes;
	}

	private static void change(Map<String, Object> changes, String field, @Nullable Object from, @Nullable Object to) {
		if (from == null ? to != null : !from.equals(to)) {
			Map<String, @Nullable Object> change = new LinkedHashMap<>();
			change.put("from", from == null && field.equals("eventTypes") ? List.of(WebhookInput.EVERY) : from);
			change.put("to", to == null && field.equals("eventTypes") ? List.of(WebhookInput.EVERY) : to);
			changes.put(field, change);
		}
	}

	/** A pause or a resume says so by name, so that the audit trail reads as what was done. */
	private static String action(Endpoint before, Endpoints.Fields after, Map<String, Object> changes) {
		if (changes.size() == 1 && before.active() != after.active()) {
			return after.active() ? "webhook.resume" : "webhook.pause";
		}
		return "webhook.update";
	}

	private static @Nullable String blankless(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static String actor() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		return signedIn == null ? "system" : signedIn.getName();
	}

}
