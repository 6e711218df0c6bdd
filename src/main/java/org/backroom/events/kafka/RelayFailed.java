package org.backroom.events.kafka;

/**
 * A round of the relay that did not get every event of its batch acknowledged: the position stays where it was, and
 * the next round publishes the batch again.
 */
class RelayFailed extends RuntimeException {

	RelayFailed(String why, Throwable cause) {
		super("Events not published to Kafka: " + why, cause);
	}

}
