package org.backroom.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.events.EventFeed;
import org.backroom.events.StoredEvent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies sequenced events into deliveries, one per active endpoint that hears of the event's type, and moves its
 * place in the feed past them in the same transaction: an event is fanned out once, whatever crashes. Safe on every
 * instance: the place is one row, taken {@code FOR UPDATE SKIP LOCKED}, so one instance fans out while the others
 * go on delivering. An endpoint hears of what is fanned out while it is active; a paused one misses those events
 * (a replay brings them), and one registered gets the events made from then on, not those the fan-out had yet
 * to reach when it was registered.
 */
@Component
class WebhookFanOut {

	static final int BATCH = 500;

	private final EventFeed feed;

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final WebhookSettings settings;

	private final TransactionTemplate transaction;

	WebhookFanOut(EventFeed feed, Endpoints endpoints, Deliveries deliveries, WebhookSettings settings,
			PlatformTransactionManager transactions) {
		this.feed = feed;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Fans out what the feed holds now; answers how many events it read. */
	int fanOut() {
		int total = 0;
		int read;
		do {
			Integer batch = transaction.execute(status -> batch());
			read = batch == null ? 0 : batch;
			total += read;
		}
		while (read == BATCH);
		return total;
	}

	private int batch() {
		Optional<Long> place = deliveries.lockFanOut();
		if (place.isEmpty()) {
			return 0;
		}
		// No endpoint becomes active while this round runs: registering or resuming one holds the place this round
		// holds (WebhookService), and a registered one hears of what is made from its insert on, after the round.
		long newest = feed.newest();
		List<Endpoint> active = endpoints.active();
		if (active.isEmpty()) {
			// Nobody hears of anything: the place moves past what the feed holds without reading it, as fanning it
			// out to no endpoint would (most stores have none, and reading each event's document cost as much as
			// sequencing it).
			if (newest > place.get()) {
				deliveries.fannedOutTo(newest);
			}
			return 0;
		}
		List<StoredEvent> events = feed.after(place.get(), BATCH);
		if (events.isEmpty()) {
			return 0;
		}
		deliveries.queue(pairs(active, events, true), "event", settings.retryFor());
		deliveries.fannedOutTo(events.get(events.size() - 1).sequence());
		return events.size();
	}

	/**
	 * Each event for each endpoint that hears of it, in the events' order; {@code sinceRegistered} leaves out the
	 * events made before an endpoint was registered (a replay asks for them on purpose).
	 */
	static List<Map.Entry<Long, StoredEvent>> pairs(List<Endpoint> endpoints, List<StoredEvent> events,
			boolean sinceRegistered) {
		List<Map.Entry<Long, StoredEvent>> pairs = new ArrayList<>();
		for (StoredEvent event : events) {
			for (Endpoint endpoint : endpoints) {
				if (endpoint.hears(event.type()) && !(sinceRegistered && event.at().isBefore(endpoint.createdAt()))) {
					pairs.add(Map.entry(endpoint.id(), event));
				}
			}
		}
		return pairs;
	}

}
