package org.backroom.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.backroom.platform.DatabaseAvailability;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed audit entries, in the order it finds them, moments after they commit: every
 * {@code backroom.audit.seal-interval} (150 ms by default) and on demand ({@link #sealNow()}). Safe on every
 * instance: a round claims the sealer's advisory lock with try, so one instance seals while the others skip. Each
 * batch is one transaction of one statement, holding no lock any auditing transaction takes.
 *
 * <p>The chain lag is on {@code /actuator/prometheus}: {@code backroom_audit_unsealed_entries} and
 * {@code backroom_audit_unsealed_oldest_seconds}, measured after each round.
 */
@Component
class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private static final int BATCH = 1000;

	private final ChainSeals seals;

	private final TransactionTemplate transaction;

	private final Duration interval;

	private final AtomicLong unsealed = new AtomicLong();

	private final AtomicLong oldestMillis = new AtomicLong();

	private volatile @Nullable ScheduledExecutorService executor;

	private final DatabaseAvailability database;

	private volatile boolean running;

	AuditSealer(ChainSeals seals, PlatformTransactionManager transactions, MeterRegistry registry,
			@Value("${backroom.audit.seal-interval:150ms}") Duration interval, DatabaseAvailability database) {
		this.seals = seals;
		this.database = database;
		this.transaction = new TransactionTemplate(transactions);
		// Its own transaction even when called inside one: the seal commits, and its lock is let go, at once.
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.interval = interval;
		Gauge.builder("backroom.audit.unsealed.entries", unsealed, AtomicLong::get)
			.description("Audit entries committed but not yet sealed into the chain")
			.register(registry);
		Gauge.builder("backroom.audit.unsealed.oldest", oldestMillis, millis -> millis.get() / 1000.0)
			.baseUnit("seconds")
			.description("How long the oldest unsealed audit entry has waited")
			.register(registry);
	}

	/**
	 * Seals every entry committed before this call, waiting for a sealer busy on another instance; returns how many
	 * this call sealed.
	 */
	int sealNow() {
		return seal(true);
	}

	private int seal(boolean wait) {
		int total = 0;
		int sealed;
		do {
			Integer batch = transaction.execute(status -> seals.claim(wait) ? seals.sealBatch(BATCH) : -1);
			sealed = batch == null ? 0 : batch;
			total += Math.max(sealed, 0);
		}
		while (sealed == BATCH);
		return total;
	}

	private void round() {
		try {
			// One probe when there is nothing to seal, as in a quiet store most of the time (the lag is then nil);
			// otherwise the lag, which counts what is left, is read once sealing is done.
			ChainSeals.Lag lag = ChainSeals.Lag.NONE;
			if (seals.waiting()) {
				seal(false);
				lag = seals.lag();
			}
			unsealed.set(lag.entries());
			oldestMillis.set(lag.oldest().toMillis());
		}
		catch (RuntimeException ex) {
			// The database may be away for a while; the entries wait and the next round seals them.
			log.debug("Audit sealing round failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "audit-sealer");
			thread.setDaemon(true);
			return thread;
		});
		executor = started;
		started.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		ScheduledExecutorService stopping = executor;
		if (stopping != null) {
			stopping.shutdown();
			try {
				stopping.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// What committed before shutdown is sealed now rather than at the next start. A database already gone (its
		// server stopped first, as at the end of a test run) would make the seal wait out the pool's connection
		// timeout for nothing: the entries stay committed and unsealed, and the next start seals them.
		if (!database.reachableNow()) {
			log.info("Audit sealing at shutdown skipped: the database is not reachable; the next start seals");
			return;
		}
		try {
			log.info("Audit sealing at shutdown: {} entries sealed", seal(true));
		}
		catch (RuntimeException ex) {
			log.debug("Audit sealing at shutdown failed: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the web server in stopping, so that entries of requests it drains are sealed too. */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 4096;
	}

}
