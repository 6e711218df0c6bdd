package org.backroom.platform;

/** Backroom could not connect to its database at start; {@link DatabaseFailureAnalyzer} says so in one line. */
class DatabaseUnreachable extends RuntimeException {

	private final String url;

	DatabaseUnreachable(String url, Throwable cause) {
		super("Backroom cannot reach its database at " + url + ": " + DatabaseAvailability.rootMessage(cause), cause);
		this.url = url;
	}

	String url() {
		return url;
	}

}
