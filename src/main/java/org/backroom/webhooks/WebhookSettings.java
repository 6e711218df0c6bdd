package org.backroom.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code backroom.webhooks.*}).
 *
 * @param pollInterval how often the dispatcher looks for events to fan out and deliveries that are due
 * @param backoffBase the wait after a delivery's first failed attempt; it doubles with each further failure
 * @param backoffCap the longest wait between two attempts
 * @param retryFor how long after it was queued a delivery is retried before it is marked failed
 * @param connectTimeout how long to wait for an endpoint to accept the connection
 * @param requestTimeout how long to wait for an endpoint's answer
 * @param concurrency how many deliveries are in flight at once, per instance
 */
@ConfigurationProperties("backroom.webhooks")
record WebhookSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration backoffBase,
		@DefaultValue("1h") Duration backoffCap, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration requestTimeout,
		@DefaultValue("4") int concurrency) {

	/** How long a claimed delivery stays claimed: past it, an instance that died mid-delivery is taken over. */
	Duration lease() {
		return connectTimeout.plus(requestTimeout).plusSeconds(30);
	}

}
