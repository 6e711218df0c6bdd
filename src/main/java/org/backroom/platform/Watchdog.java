package org.backroom.platform;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL again when it dies under a running Backroom (killed, out of memory): PostgreSQL
 * then replays its write-ahead log, so every commit it acknowledged is there again, and the pool's next connections
 * reach it on the same port.
 */
final class Watchdog implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

	private final EmbeddedServer server;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private long lostAt;

	Watchdog(EmbeddedServer server) {
		this.server = server;
		executor.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
	}

	private void check() {
		if (server.closed() || server.running()) {
			return;
		}
		if (lostAt == 0) {
			lostAt = System.currentTimeMillis();
			log.error("The embedded PostgreSQL (pid {}) has stopped unexpectedly; starting it again "
					+ "(PostgreSQL recovers from its write-ahead log; its own log is {})", server.pid(), server.log());
		}
		try {
			server.startPostmaster(0);
			log.info("The embedded PostgreSQL is running again (pid {}) after {} ms of crash recovery", server.pid(),
					System.currentTimeMillis() - lostAt);
			lostAt = 0;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The embedded PostgreSQL did not start yet, trying again: {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
		try {
			executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
