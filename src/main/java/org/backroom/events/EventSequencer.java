package org.backroom.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their place in commit order, every {@code backroom.events.sequence-interval} (200 ms by
 * default): an event's id comes from when its transaction wrote it, and a transaction that wrote first may commit
 * last, so a reader that followed ids could step past an event that was still to commit. The sequence is given only
 * to committed events, each after every one given before, so a reader that follows it never misses one. Two events
 * of one record keep their order: the second change waited for the first one's row lock, so it was written after the
 * first committed.
 *
 * <p>Safe on every instance: a round takes the sequencer's advisory lock with try, so one instance sequences while
 * the others skip.
 */
@Component
class EventSequencer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventSequencer.class);

	/** "BREVENTS" in ASCII. */
	private static final long LOCK = 0x42524556454E5453L;

	private static final int BATCH = 1000;

	private static final String SEQUENCE = """
			WITH batch AS (SELECT id, row_number() OVER (ORDER BY id) AS n
			               FROM (SELECT id FROM events WHERE seq IS NULL ORDER BY id LIMIT :size) AS waiting),
			     head AS (SELECT coalesce(max(seq), 0) AS seq FROM events)
			UPDATE events e SET seq = head.seq + batch.n
			FROM batch, head
			WHERE e.id = batch.id""";

	private static final String WAITING = "SELECT EXISTS (SELECT 1 FROM events WHERE seq IS NULL)";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Duration interval;

	private volatile @Nullable ScheduledExecutorService executor;

	EventSequencer(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${backroom.events.sequence-interval:200ms}") Duration interval) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.interval = interval;
	}

	/** Sequences every event committed before this call, waiting for a sequencer busy on another instance. */
	int sequenceNow() {
		return sequence(true);
	}

	private int sequence(boolean wait) {
		int total = 0;
		int done;
		do {
			Integer batch = transaction.execute(status -> claim(wait)
					? jdbc.sql(SEQUENCE).param("size", BATCH).update() : 0);
			done = batch == null ? 0 : batch;
			total += done;
		}
		while (done == BATCH);
		return total;
	}

	private boolean claim(boolean wait) {
		if (wait) {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)::text").param(LOCK).query(String.class).single();
			return true;
		}
		return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
	}

	private void round() {
		try {
			// One statement when no event waits, as in a quiet store most of the time.
			if (jdbc.sql(WAITING).query(Boolean.class).single()) {
				sequence(false);
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a while; the events wait and the next round sequences them.
			log.debug("Event sequencing round failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "event-sequencer");
			thread.setDaemon(true);
			return thread;
		});
		executor = started;
		started.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Lets a round that is running finish before the pool closes (its transaction was otherwise cut off by the
	 * pool's shutdown, and logged as an error), and starts no other.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService stopping = executor;
		executor = null;
		if (stopping != null) {
			stopping.shutdown();
			try {
				stopping.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
