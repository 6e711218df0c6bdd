package org.backroom.benchmark;

/**
 * The time Backroom itself counted for the requests it answered ({@code http_server_requests_seconds} on its
 * {@code /actuator/prometheus}, the timer a store watches in production; the scrapes themselves left out): from its
 * observation filter, at the start of the filter chain, to its answer; without
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

	private static final String SCRAPE = "uri=\"/actuator/prometheus\"";

	private final ServerProcess server;

	private final String token;

	ServerTime(ServerProcess server, String token) {
		this.server = server;
		this.token = token;
	}

	Reading read() throws Exception {
		String metrics = server.metrics(token);
		return new Reading((long) ServerProcess.metric(metrics, "http_server_requests_seconds_count", "", SCRAPE),
				ServerProcess.metric(metrics, "http_server_requests_seconds_sum", "", SCRAPE) * 1e9);
	}

}
