package org.backroom.reporting;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Reports read a replica ({@code BACKROOM_DB_REPLICA_URL}) that cannot be reached. Only reports wait for it: sales
 * and everything else go to the primary, so this is not an outage of the store, and is answered as a refusal of
 * this one request rather than as the database going away (which would turn every request away until the next
 * probe). The slug is the one every client already handles for a database that is away: 503, try again later.
 */
final class ReplicaUnavailable extends Refusal {

	static final int RETRY_AFTER_SECONDS = 5;

	ReplicaUnavailable() {
		super("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Reports unavailable",
				"Reports read a replica of the database, and Backroom cannot reach it right now; sales and everything "
						+ "else work as usual. Try the report again in a few seconds.");
		with("retryAfterSeconds", RETRY_AFTER_SECONDS);
	}

}
