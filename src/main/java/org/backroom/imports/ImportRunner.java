package org.backroom.imports;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs imports in the background on one thread, one batch after another, oldest job first. On start it resumes the
 * jobs that were running when the application stopped (a batch that was cut off rolled back, so it runs again
 * whole); on stop it lets the current batch finish or roll back. Any number of instances may run it: a batch
 * locks its job's row, so two runners take turns.
 */
@Component
class ImportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "import-jobs");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	private final ImportJobs jobs;

	private final ImportBatch batches;

	private final ImportSettings settings;

	private volatile boolean stopping;

	ImportRunner(ImportJobs jobs, ImportBatch batches, ImportSettings settings) {
		this.jobs = jobs;
		this.batches = batches;
		this.settings = settings;
	}

	/** Starts the runner once the caller's transaction commits: the job it started must be visible first. */
	void startAfterCommit() {
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

	/** Resumes what was running before a restart; polls too, in case a start was missed. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${backroom.import.poll:30s}", initialDelayString = "${backroom.import.poll:30s}")
	void start() {
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

	private void drain() {
		try {
			while (!stopping) {
				var job = jobs.oldestRunning();
				if (job.isEmpty()) {
					return;
				}
				while (!stopping && batches.runNext(job.get())) {
					pause();
				}
			}
		}
		catch (RuntimeException ex) {
			// A database that went away, for example: the next start or poll picks the job up where it stopped.
			log.error("Imports stopped; they resume at the next start or poll", ex);
		}
	}

	private void pause() {
		if (settings.pause().isZero()) {
			return;
		}
		try {
			Thread.sleep(settings.pause().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopping = true;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		executor.shutdownNow();
		if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("An import batch was still running at shutdown; it rolls back and runs again on the next start");
		}
	}

}
