package org.backroom.events.kafka;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events go out to Kafka ({@code backroom.events.kafka.*}).
 *
 * @param bootstrap the brokers ({@code host:port,host:port}), from {@code BACKROOM_EVENTS_KAFKA_BOOTSTRAP}; unset or
 *        blank, nothing Kafka-related is created
 * @param topicPrefix the start of every topic's name: {@code backroom.} gives {@code backroom.customer}
 * @param partitions the partitions of a topic the relay creates (never changed afterwards: more partitions would move
 *        a record's key to another partition and lose its order)
 * @param createTopics whether the relay creates missing topics; off where the brokers allow no client to
 * @param interval the wait between two rounds that found nothing to publish
 * @param batchSize events per round, each round one transaction on the position
 * @param sendTimeout how long a round waits for the brokers to acknowledge before it fails and keeps the position
 * @param properties more producer and admin client settings (TLS, SASL), as Kafka names them; they cannot weaken
 *        the delivery settings
 */
@ConfigurationProperties("backroom.events.kafka")
record KafkaRelaySettings(@Nullable String bootstrap, @DefaultValue("backroom.") String topicPrefix,
		@DefaultValue("3") int partitions, @DefaultValue("true") boolean createTopics,
		@DefaultValue("500ms") Duration interval, @DefaultValue("500") int batchSize,
		@DefaultValue("30s") Duration sendTimeout, @DefaultValue Map<String, String> properties) {

	KafkaRelaySettings {
		if (partitions < 1 || batchSize < 1 || interval.compareTo(Duration.ofMillis(1)) < 0
				|| sendTimeout.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException("backroom.events.kafka: partitions, batch-size and interval (ms) must be "
					+ "at least 1, send-timeout at least 100ms");
		}
	}

	/** The topic of a record kind's events. */
	String topic(String recordKind) {
		return topicPrefix + recordKind;
	}

}
