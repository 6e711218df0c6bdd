package org.backroom.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.backroom.audit.AuditTrail;
import org.backroom.events.EventFeed;
import org.backroom.events.StoredEvent;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An endpoint's deliveries: its log, and sending again, one event ({@link #redeliver}) or a range of them
 * ({@link #replay}); both are audited and queue new deliveries, so the log keeps every attempt. All of it needs
 * {@code webhooks.manage}.
 */
@Service
class WebhookLog {

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final EventFeed feed;

	private final AuditTrail audit;

	private final WebhookSettings settings;

	WebhookLog(Endpoints endpoints, Deliveries deliveries, EventFeed feed, AuditTrail audit, WebhookSettings settings) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.feed = feed;
		this.audit = audit;
		this.settings = settings;
	}

	/** Where a replay starts: a time, or a sequence; exactly one of them. */
	@Schema(name = "WebhookReplay", description = "Where a replay starts: since (a time) or fromSequence, one of them")
	record Replay(@Nullable Instant since, @Nullable Long fromSequence) {
	}

	/** What a replay queued: the events from {@code fromSequence} on that the endpoint hears of. */
	@Schema(name = "WebhookReplayed", description = "What a replay queued, from which sequence on")
	record Replayed(long fromSequence, int queued) {
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional(readOnly = true)
	Page<Delivery> log(long endpointId, @Nullable String cursor, int limit) {
		endpoint(endpointId);
		Cursor after = Cursor.decode(cursor);
		Long before = after == null ? null : after.id();
		return Page.of(deliveries.log(endpointId, before, limit + 1), limit, delivery -> new Cursor("", delivery.id()));
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional
	Delivery redeliver(long endpointId, long deliveryId) {
		endpoint(endpointId);
		Delivery earlier = deliveries.find(endpointId, deliveryId)
			.orElseThrow(() -> NoSuchWebhook.delivery(endpointId, deliveryId));
		StoredEvent event = feed.find(earlier.eventId()).orElseThrow(() -> NoSuchWebhook.delivery(endpointId, deliveryId));
		long id = deliveries.queueOne(endpointId, event, "redeliver", settings.retryFor());
		audit.record("webhook.redeliver", "webhook", endpointId, null,
				Map.of("delivery", deliveryId, "eventId", event.id(), "newDelivery", id));
		return deliveries.find(endpointId, id).orElseThrow();
	}

	@PreAuthorize("@permissions.require('webhooks.manage')")
	@Transactional
	Replayed replay(long endpointId, Replay replay) {
		Endpoint endpoint = endpoint(endpointId);
		if ((replay.since() == null) == (replay.fromSequence() == null)) {
			throw ValidationFailed.of("since", "give either since (a time) or fromSequence (a number), one of them");
		}
		if (replay.fromSequence() != null && replay.fromSequence() < 1) {
			throw ValidationFailed.of("fromSequence", "must be 1 or more");
		}
		feed.sequenceNow();
		Optional<Long> from = replay.fromSequence() != null ? Optional.of(replay.fromSequence())
				: feed.firstSince(Objects.requireNonNull(replay.since()));
		int queued = from.map(sequence -> queueFrom(endpoint, sequence)).orElse(0);
		long start = from.orElse(0L);
		audit.record("webhook.replay", "webhook", endpointId, null, Map.of("fromSequence", start, "queued", queued));
		return new Replayed(start, queued);
	}

	/** Queues, batch by batch, every event from a sequence on that the endpoint hears of. */
	private int queueFrom(Endpoint endpoint, long from) {
		int queued = 0;
		List<StoredEvent> batch = feed.after(from - 1, WebhookFanOut.BATCH);
		while (!batch.isEmpty()) {
			queued += deliveries.queue(WebhookFanOut.pairs(List.of(endpoint), batch, false), "replay", settings.retryFor());
			long last = batch.get(batch.size() - 1).sequence();
			batch = batch.size() < WebhookFanOut.BATCH ? List.of() : feed.after(last, WebhookFanOut.BATCH);
		}
		return queued;
	}

	private Endpoint endpoint(long id) {
		return endpoints.find(id).orElseThrow(() -> NoSuchWebhook.endpoint(id));
	}

}
