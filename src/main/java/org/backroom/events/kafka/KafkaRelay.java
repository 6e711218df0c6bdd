package org.backroom.events.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.backroom.events.EventFeed;
import org.backroom.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the event feed and publishes it to Kafka, at least once and in order. Its position, the sequence of the last
 * event the brokers acknowledged, lives in {@code kafka_relay_position}: a round locks that row, publishes the events
 * after it, waits for every acknowledgement and only then moves it, in one transaction. A broker that is away fails
 * the round and the position stays; a crash between acknowledgement and commit sends those events again. Nothing is
 * kept in memory between rounds, so a restart resumes exactly where the last commit left off.
 *
 * <p>Safe on every instance: the row is locked with {@code SKIP LOCKED}, so one instance relays and the others skip
 * the round. Sales never wait for it; they only write the events table.
 */
class KafkaRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

	/** The name of this relay's row in kafka_relay_position. */
	static final String NAME = "kafka";

	private static final Duration STOP_GRACE = Duration.ofSeconds(2);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final EventFeed feed;

	private final EventPublisher publisher;

	private final KafkaRelaySettings settings;

	private volatile @Nullable ScheduledExecutorService executor;

	private volatile boolean failing;

	/** Events sequenced but not acknowledged yet, as of the last round (the gauge backroom.events.kafka.lag). */
	private final AtomicLong lag = new AtomicLong();

	KafkaRelay(JdbcClient jdbc, PlatformTransactionManager transactions, EventFeed feed, EventPublisher publisher,
			KafkaRelaySettings settings) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.feed = feed;
		this.publisher = publisher;
		this.settings = settings;
	}

	/**
	 * Publishes the next batch after the position and moves the position past it; 0 when there was nothing to publish
	 * or another instance holds the position. Throws {@link RelayFailed}, the position unmoved, if the brokers did not
	 * acknowledge every event.
	 */
	int relayOnce() {
		Integer published = transaction.execute(status -> {
			Long position = jdbc.sql("SELECT position FROM kafka_relay_position WHERE relay = ? FOR UPDATE SKIP LOCKED")
				.param(NAME)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (position == null) {
				return 0;
			}
			List<StoredEvent> batch = feed.after(position, settings.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			publisher.publish(batch);
			jdbc.sql("UPDATE kafka_relay_position SET position = ?, published_at = now() WHERE relay = ?")
				.params(batch.get(batch.size() - 1).sequence(), NAME)
				.update();
			return batch.size();
		});
		return published == null ? 0 : published;
	}

	/** The sequence of the last event the brokers acknowledged. */
	long position() {
		return jdbc.sql("SELECT position FROM kafka_relay_position WHERE relay = ?").param(NAME).query(Long.class)
			.single();
	}

	/** Events sequenced but not acknowledged yet, as of the last round. */
	long lag() {
		return lag.get();
	}

	private void measureLag() {
		try {
			lag.set(jdbc.sql("SELECT coalesce((SELECT max(seq) FROM events), 0) - position FROM kafka_relay_position"
					+ " WHERE relay = ?").param(NAME).query(Long.class).single());
		}
		catch (RuntimeException ex) {
			log.debug("Could not measure the relay's lag: {}", ex.toString());
		}
	}

	/** Whether the last round failed: the brokers are away or refuse the events. */
	boolean failing() {
		return failing;
	}

	private void round() {
		try {
			int published;
			do {
				published = relayOnce();
			}
			while (published == settings.batchSize() && isRunning()); // a full batch: more are waiting
			if (failing) {
				failing = false;
				log.info("Events are reaching Kafka again; position {}", position());
			}
		}
		catch (RuntimeException ex) {
			// The brokers or the database are away for a while: the position holds, the next round tries again.
			if (!failing) {
				failing = true;
				log.warn("Events cannot reach Kafka ({}); the relay keeps its position and retries", ex.toString());
			}
			else {
				log.debug("Relay round failed again: {}", ex.toString());
			}
		}
		measureLag();
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "kafka-relay");
			thread.setDaemon(true);
			return thread;
		});
		executor = started;
		long pause = settings.interval().toMillis();
		started.scheduleWithFixedDelay(this::round, 0, pause, TimeUnit.MILLISECONDS);
	}

	/**
	 * Lets a round in progress finish: with the brokers up it takes milliseconds, and its acknowledgements move the
	 * position. A round still waiting after {@link #STOP_GRACE} is waiting for brokers that are away; it is cut short,
	 * rolls back, and its batch goes out again from the position at the next start.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService stopping = executor;
		executor = null;
		if (stopping == null) {
			return;
		}
		stopping.shutdown();
		try {
			long grace = Math.min(STOP_GRACE.toMillis(), settings.sendTimeout().toMillis());
			if (!stopping.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
				stopping.shutdownNow();
				stopping.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			stopping.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
