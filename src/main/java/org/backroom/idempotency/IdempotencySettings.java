package org.backroom.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long an answer is kept for replay; at least a day, so that a client retrying after an
 * outage still finds it
 * @param inProgressWait how long a retry waits for the first request with its key to finish before it answers
 * {@code 409 request-in-progress}
 * @param attempts how many times a request rolled back by a deadlock or serialization failure runs in all
 * @param backoff the mean wait before the next attempt; each wait is jittered and doubles
 */
@ConfigurationProperties("backroom.idempotency")
record IdempotencySettings(@DefaultValue("24h") Duration retention, @DefaultValue("2s") Duration inProgressWait,
		@DefaultValue("3") int attempts, @DefaultValue("20ms") Duration backoff) {

	IdempotencySettings {
		if (retention.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException("backroom.idempotency.retention must be at least 24h, not " + retention);
		}
		if (inProgressWait.toMillis() < 1) {
			// PostgreSQL's lock_timeout of 0 waits for ever: a retry would hang behind its first request.
			throw new IllegalArgumentException(
					"backroom.idempotency.in-progress-wait must be at least 1ms, not " + inProgressWait);
		}
		if (attempts < 1) {
			throw new IllegalArgumentException("backroom.idempotency.attempts must be at least 1");
		}
	}

}
