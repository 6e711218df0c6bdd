package org.backroom.benchmark;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The time Backroom itself counted for the requests it answered ({@code http.server.requests}, the timer a store
 * watches in production): from its observation filter, at the start of the filter chain, to its answer; without
 * the client, the connection, Tomcat's parsing or the wait for a thread. Beside the API's latency seen by the load
 * driver it tells what the server spent from what the client and the machine did; only one path runs at a time,
 * so the difference of two readings is that path's.
 */
final class ServerTime {

	/** The requests counted so far and their total time. */
	record Reading(long requests, double nanos) {

		Reading plus(Reading other) {
			return new Reading(requests + other.requests, nanos + other.nanos);
		}

		Reading since(Reading earlier) {
			return new Reading(requests - earlier.requests, nanos - earlier.nanos);
		}

		double meanMillis() {
			return requests == 0 ? Double.NaN : nanos / requests / 1e6;
		}

	}

	static final Reading NONE = new Reading(0, 0);

	private final MeterRegistry registry;

	ServerTime(MeterRegistry registry) {
		this.registry = registry;
	}

	Reading read() {
		Reading total = NONE;
		for (Timer timer : registry.find("http.server.requests").timers()) {
			total = total.plus(new Reading(timer.count(), timer.totalTime(TimeUnit.NANOSECONDS)));
		}
		return total;
	}

}
