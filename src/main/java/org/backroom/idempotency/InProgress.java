package org.backroom.idempotency;

import java.time.Duration;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** The first request with this key is still running; the retry waited for it in vain. */
final class InProgress extends Refusal {

	InProgress(Duration waited) {
		super("request-in-progress", HttpStatus.CONFLICT, "Request in progress",
				"A request with this Idempotency-Key is still being processed (waited " + waited.toMillis()
						+ " ms). Send it again in a moment to get its answer.");
		with("retryAfterSeconds", 1);
	}

}
