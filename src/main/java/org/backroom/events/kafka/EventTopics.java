package org.backroom.events.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topic of each record kind ({@code backroom.customer}, {@code backroom.sales-order}), created the first time the
 * relay publishes to it. A topic that exists is left as it is: adding partitions to it would move records' keys to
 * other partitions and break their order.
 */
class EventTopics {

	private final KafkaRelaySettings settings;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	EventTopics(KafkaRelaySettings settings) {
		this.settings = settings;
	}

	/** The topic of a record kind's events. */
	String of(String recordKind) {
		return settings.topic(recordKind);
	}

	/** Makes sure these topics exist, asking the brokers only about those not seen before. */
	void ensure(Set<String> topics) {
		List<NewTopic> missing = topics.stream()
			.filter(topic -> !known.contains(topic))
			.map(topic -> new NewTopic(topic, Optional.of(settings.partitions()), Optional.empty()))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		if (settings.createTopics()) {
			create(missing);
		}
		missing.forEach(topic -> known.add(topic.name()));
	}

	private void create(List<NewTopic> missing) {
		Map<String, Object> config = KafkaRelayConfiguration.clientSettings(settings);
		int timeout = Math.toIntExact(settings.sendTimeout().toMillis());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "backroom-events-admin");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(timeout / 3, 1));
		// With no broker reachable, the admin client's default ("rebootstrap") retries its bootstrap in a tight loop,
		// logging each try; failing the call and trying again at the relay's next round is enough.
		config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
		Admin admin = Admin.create(config);
		try {
			for (var created : admin.createTopics(missing).values().values()) {
				await(created);
			}
		}
		finally {
			// Not close(), which waits for a pending call as long as its timeout: a relay that stops must not wait.
			admin.close(Duration.ofSeconds(1));
		}
	}

	private void await(KafkaFuture<Void> created) {
		try {
			created.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new RelayFailed("could not create a topic", ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			throw new RelayFailed("the brokers did not answer within " + settings.sendTimeout(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RelayFailed("interrupted", ex);
		}
	}

}
