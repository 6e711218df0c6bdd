package org.backroom.platform;

/** Backroom could not connect to its database at start; {@link DatabaseFailureAnalyzer} says so in one line. */
class DatabaseUnreachable extends RuntimeException {

	private final String url;

	DatabaseUnreachable(String url, Throwable cause) {
		super("No connection to the database: " + DatabaseAvailability.rootMessage(cause), cause);
		this.url = url;
	}

	/** The one line a person reads: where Backroom looked, and what answered. */
	String sentence() {
		return "Backroom cannot reach its database at " + url + ": "
				+ DatabaseAvailability.rootMessage(getCause() != null ? getCause() : this);
	}

}
