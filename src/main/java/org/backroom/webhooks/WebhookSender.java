package org.backroom.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Optional;

import org.backroom.events.EventFeed;
import org.backroom.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery: a POST of the event's document, signed, and the outcome written to the delivery's
 * row. The document is read at the attempt, not when it was queued, so an erasure's blanked reasons are what goes.
 * Redirects are not followed: an endpoint answers where it was registered.
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final EventFeed feed;

	private final Deliveries deliveries;

	private final WebhookSettings settings;

	private final Backoff backoff;

	private final HttpClient http;

	WebhookSender(EventFeed feed, Deliveries deliveries, WebhookSettings settings) {
		this.feed = feed;
		this.deliveries = deliveries;
		this.settings = settings;
		this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	void deliver(Deliveries.Claimed delivery) throws InterruptedException {
		Optional<StoredEvent> event = feed.find(delivery.eventId());
		if (event.isEmpty()) {
			deliveries.attemptFailed(delivery.id(), null, "The event is gone", 0, null);
			return;
		}
		long started = System.nanoTime();
		try {
			HttpResponse<Void> answer = http.send(request(delivery, event.get()), HttpResponse.BodyHandlers.discarding());
			int code = answer.statusCode();
			if (code >= 200 && code < 300) {
				deliveries.delivered(delivery.id(), code, millisSince(started));
			}
			else {
				failed(delivery, code, "The endpoint answered " + code, started);
			}
		}
		catch (HttpTimeoutException ex) {
			failed(delivery, null, "No answer within " + settings.requestTimeout().toMillis() + " ms", started);
		}
		catch (IOException | IllegalArgumentException ex) {
			failed(delivery, null, "Could not deliver: " + ex, started);
		}
	}

	private HttpRequest request(Deliveries.Claimed delivery, StoredEvent event) {
		String body = event.document();
		return HttpRequest.newBuilder(URI.create(delivery.url()))
			.timeout(settings.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Backroom-Webhooks/1")
			.header(Signature.HEADER, Signature.header(delivery.secret(), Instant.now().getEpochSecond(), body))
			.header("Backroom-Event-Id", String.valueOf(event.id()))
			.header("Backroom-Event-Type", event.type())
			.header("Backroom-Delivery-Id", String.valueOf(delivery.id()))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Retries after the backoff, or gives up when the next attempt would come after the retry window. */
	private void failed(Deliveries.Claimed delivery, @Nullable Integer code, String error, long started) {
		Instant next = Instant.now().plus(backoff.after(delivery.attempt()));
		boolean giveUp = next.isAfter(delivery.giveUpAt());
		deliveries.attemptFailed(delivery.id(), code, error, millisSince(started), giveUp ? null : next);
		log.debug("Webhook delivery {} attempt {} failed ({}){}", delivery.id(), delivery.attempt(), error,
				giveUp ? "; giving up" : "; next at " + next);
	}

	private static int millisSince(long started) {
		return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
	}

}
