package org.backroom.webhooks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a failed delivery's next attempt: the base after the first failure, doubling with each further
 * one, capped, less up to a quarter at random so that the deliveries that failed together (an endpoint that was
 * down) do not all come back in the same second. The quarter keeps each wait longer than the one before it, until
 * the cap.
 */
record Backoff(Duration base, Duration cap) {

	/** The wait after the given number of failed attempts (1 for the first). */
	Duration after(int failures) {
		long base = this.base.toMillis();
		long cap = this.cap.toMillis();
		int doublings = Math.min(Math.max(failures - 1, 0), 40);
		long full = base > cap >> doublings ? cap : base << doublings;
		long jitter = full / 4 == 0 ? 0 : ThreadLocalRandom.current().nextLong(full / 4 + 1);
		return Duration.ofMillis(Math.min(full, cap) - jitter);
	}

}
