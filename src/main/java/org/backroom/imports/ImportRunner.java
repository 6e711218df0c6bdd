package org.backroom.imports;

import org.backroom.platform.BackgroundJobs;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs imports and their undos in the background ({@link BackgroundJobs}): resumed after a restart, polled in case a start
 * was missed.
 */
@Component
class ImportRunner implements DisposableBean {

	private final BackgroundJobs runner;

	ImportRunner(ImportJobs jobs, ImportBatch batches, ImportSettings settings) {
		this.runner = new BackgroundJobs("import-jobs", jobs::oldestRunning, batches::runNext, settings::pause);
	}

	/** Starts once the caller's transaction commits: the job it started must be visible first. */
	void startAfterCommit() {
		runner.startAfterCommit();
	}

	/** Resumes what was running before a restart; polls too, in case a start was missed. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${backroom.import.poll:30s}", initialDelayString = "${backroom.import.poll:30s}")
	void start() {
		runner.start();
	}

	@Override
	public void destroy() throws InterruptedException {
		runner.stop();
	}

}
