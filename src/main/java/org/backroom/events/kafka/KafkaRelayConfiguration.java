package org.backroom.events.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backroom.events.EventFeed;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The relay and its producer, only when brokers are configured ({@link KafkaConfigured}). The producer is made
 * lazily by the factory, on the relay's first send from its own thread: even with Kafka on, starting the application
 * waits for no broker.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaConfigured.class)
class KafkaRelayConfiguration {

	/** The producer settings the delivery guarantees rest on, over whatever {@code properties} says. */
	static Map<String, Object> producerSettings(KafkaRelaySettings settings) {
		Map<String, Object> config = clientSettings(settings);
		int timeout = Math.toIntExact(settings.sendTimeout().toMillis());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "backroom-events");
		// Idempotent, acknowledged by every in-sync replica, at most 5 in flight: retries neither duplicate nor
		// reorder the events of a partition, so a record's events stay in order.
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		// A broker that is away fails a round within the send timeout, instead of the producer's 2 minutes.
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(timeout / 3, 1));
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		return config;
	}

	/** What producer and admin client share: the brokers, the operator's settings (TLS, SASL) and timeouts. */
	static Map<String, Object> clientSettings(KafkaRelaySettings settings) {
		Map<String, Object> config = new HashMap<>();
		// While a broker is away, try it again every 10 s at most, not every second: fewer warnings in the log.
		config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
		config.putAll(settings.properties());
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(settings.bootstrap()));
		return config;
	}

	@Bean
	ProducerFactory<String, String> eventProducerFactory(KafkaRelaySettings settings) {
		return new DefaultKafkaProducerFactory<>(producerSettings(settings));
	}

	@Bean
	KafkaTemplate<String, String> eventKafkaTemplate(ProducerFactory<String, String> eventProducerFactory) {
		return template(eventProducerFactory);
	}

	static KafkaTemplate<String, String> template(ProducerFactory<String, String> producers) {
		KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
		// Not an error line per event while a broker is away: the relay says so once (KafkaRelay.round).
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	KafkaRelay kafkaRelay(JdbcClient jdbc, PlatformTransactionManager transactions, EventFeed feed,
			KafkaTemplate<String, String> eventKafkaTemplate, KafkaRelaySettings settings, JsonMapper json) {
		EventPublisher publisher = new EventPublisher(eventKafkaTemplate, new EventTopics(settings), json,
				settings.sendTimeout());
		return new KafkaRelay(jdbc, transactions, feed, publisher, settings);
	}

	@Bean
	MeterBinder kafkaRelayLag(KafkaRelay kafkaRelay) {
		return registry -> Gauge.builder("backroom.events.kafka.lag", kafkaRelay, KafkaRelay::lag)
			.description("Events committed but not acknowledged by Kafka yet, as of the relay's last round")
			.register(registry);
	}

}
