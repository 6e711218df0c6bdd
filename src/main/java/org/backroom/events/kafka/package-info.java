/**
 * The events, out to Kafka: with {@code BACKROOM_EVENTS_KAFKA_BOOTSTRAP} set, {@link KafkaRelay} follows the
 * {@link org.backroom.events.EventFeed} from the position it keeps in the database and publishes every event to a
 * topic per record kind, keyed by record id. Without it, nothing here is created (README "Events to Kafka").
 */
@NullMarked
package org.backroom.events.kafka;

import org.jspecify.annotations.NullMarked;
