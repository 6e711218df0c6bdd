package org.backroom.idempotency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.TryAgain;

/**
 * The retry policy for requests rolled back by contention: a bounded number of attempts, each after a jittered,
 * doubling pause (so that two requests that deadlocked do not meet again in step), each starting from the request
 * as it arrived.
 */
final class Attempts {

	private final IdempotencySettings settings;

	Attempts(IdempotencySettings settings) {
		this.settings = settings;
	}

	/** Puts request and response back as they were before the first attempt. */
	interface Reset {

		void run();

	}

	Reset resetFor(HttpServletRequest request, HttpServletResponse response) {
		Set<String> attributes = new HashSet<>(Collections.list(request.getAttributeNames()));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, new ArrayList<>(response.getHeaders(name)));
		}
		return () -> {
			for (String name : Collections.list(request.getAttributeNames())) {
				if (!attributes.contains(name)) {
					request.removeAttribute(name);
				}
			}
			TryAgain.clear(request);
			response.reset();
			headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		};
	}

	/** Waits before attempt {@code attempt + 1}: the backoff, doubled each time, between half and one and a half of it. */
	void pause(int attempt) {
		long mean = settings.backoff().toMillis() << Math.min(attempt - 1, 10);
		long millis = (long) (mean * (0.5 + ThreadLocalRandom.current().nextDouble()));
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to try a request again", ex);
		}
	}

}
