package org.backroom.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a feature's jobs in the background on one thread, one batch after another, oldest job first: what bulk jobs
 * and CSV imports share. On start it resumes the jobs that were running when the application stopped (a batch that
 * was cut off rolled back, so it runs again whole); on stop it lets the current batch finish or roll back and leaves
 * the rest for the next start. A batch locks its job's row, so runners on several instances take turns.
 *
 * <pre>{@code
 * new BackgroundJobs("bulk-jobs", jobs::oldestRunning, batches::runNext, settings::pause);
 * }</pre>
 */
public final class BackgroundJobs {

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	private final String name;

	private final Supplier<Optional<Long>> oldestRunning;

	private final LongPredicate runNextBatch;

	private final Supplier<Duration> pause;

	private final ExecutorService executor;

	private final AtomicBoolean queued = new AtomicBoolean();

	private volatile boolean stopping;

	/**
	 * @param name the thread's name, and how the log names these jobs
	 * @param oldestRunning the job to work on next, if any is running
	 * @param runNextBatch runs the job's next batch in a transaction of its own; false once the job is done
	 * @param pause how long to wait between batches, so that the till keeps its share of the database
	 */
	public BackgroundJobs(String name, Supplier<Optional<Long>> oldestRunning, LongPredicate runNextBatch,
			Supplier<Duration> pause) {
		this.name = name;
		this.oldestRunning = oldestRunning;
		this.runNextBatch = runNextBatch;
		this.pause = pause;
		this.executor = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts once the caller's transaction commits: the job it made or started must be visible first. */
	public void startAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					start();
				}
			});
		}
		else {
			start();
		}
	}

	/** Works through the running jobs, unless it already is (a start or poll while it works is a no-op). */
	public void start() {
		if (stopping || !queued.compareAndSet(false, true)) {
			return;
		}
		try {
			executor.execute(() -> {
				queued.set(false);
				drain();
			});
		}
		catch (RejectedExecutionException ex) {
			queued.set(false);
		}
	}

	/** Lets the current batch finish or roll back, for at most 30 s, and takes no more. */
	public void stop() throws InterruptedException {
		stopping = true;
		executor.shutdownNow();
		if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("A batch of {} was still running at shutdown; it rolls back and runs again on the next start",
					name);
		}
	}

	private void drain() {
		try {
			while (!stopping) {
				Optional<Long> job = oldestRunning.get();
				if (job.isEmpty()) {
					return;
				}
				while (!stopping && runNextBatch.test(job.get())) {
					pause();
				}
			}
		}
		catch (RuntimeException ex) {
			// A database that went away, for example: the next start or poll picks the job up where it stopped.
			log.error("{} stopped; they resume at the next start or poll", name, ex);
		}
	}

	private void pause() {
		Duration wait = pause.get();
		if (wait.isZero()) {
			return;
		}
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopping = true;
		}
	}

}
