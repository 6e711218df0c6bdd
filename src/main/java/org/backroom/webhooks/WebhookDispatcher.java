package org.backroom.webhooks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code backroom.webhooks.poll-interval}: fans out new events, then claims as many due deliveries as it has
 * free senders and hands each to one. The senders are threads of their own, never a request's, so an endpoint that
 * hangs holds up at most a sender until the request timeout, and nothing of a sale. Safe on every instance: fan-out
 * and claims skip what another instance holds; a claim is a lease, so a delivery whose instance died is retried.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookFanOut fanOut;

	private final Deliveries deliveries;

	private final WebhookSender sender;

	private final WebhookSettings settings;

	// Made anew at each start: a stop drops sends still queued, and the permits they held with them.
	private volatile Semaphore free;

	private volatile @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable ExecutorService senders;

	WebhookDispatcher(WebhookFanOut fanOut, Deliveries deliveries, WebhookSender sender, WebhookSettings settings) {
		this.fanOut = fanOut;
		this.deliveries = deliveries;
		this.sender = sender;
		this.settings = settings;
		this.free = new Semaphore(Math.max(1, settings.concurrency()));
	}

	private void round() {
		try {
			fanOut.fanOut();
			dispatch();
		}
		catch (RuntimeException ex) {
			// The database may be away for a while; deliveries wait in their table for the next round.
			log.debug("Webhook round failed: {}", ex.toString());
		}
	}

	private void dispatch() {
		ExecutorService pool = senders;
		int available = free.availablePermits();
		if (pool == null || available == 0) {
			return;
		}
		List<Deliveries.Claimed> claimed = deliveries.claim(available, settings.lease());
		Semaphore permits = free;
		for (Deliveries.Claimed delivery : claimed) {
			permits.acquireUninterruptibly();
			try {
				pool.execute(() -> send(delivery, permits));
			}
			catch (RejectedExecutionException stopping) {
				// Stopped meanwhile: the lease runs out and the delivery is attempted again.
				permits.release();
				return;
			}
		}
	}

	private void send(Deliveries.Claimed delivery, Semaphore permits) {
		try {
			sender.deliver(delivery);
		}
		catch (InterruptedException ex) {
			// Shutting down: the lease runs out and the delivery is attempted again.
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery {} could not be recorded; its lease runs out and it is retried", delivery.id(),
					ex);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public void start() {
		free = new Semaphore(Math.max(1, settings.concurrency()));
		AtomicInteger number = new AtomicInteger();
		senders = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()),
				runnable -> daemon(runnable, "webhook-sender-" + number.incrementAndGet()));
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "webhook-dispatcher"));
		scheduler = started;
		long every = settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void stop() {
		ScheduledExecutorService stopping = scheduler;
		ExecutorService pool = senders;
		scheduler = null;
		senders = null;
		if (stopping != null) {
			// A round that is running finishes its claims before the pool closes under it; deliveries in flight are
			// cut off below and, unanswered, sent again when their lease runs out.
			stopping.shutdown();
			try {
				stopping.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (pool != null) {
			pool.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
