package org.backroom.bulk;

import java.time.Duration;

import org.backroom.platform.BackgroundJobs;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs bulk jobs in the background ({@link BackgroundJobs}): resumed after a restart, polled in case a start
 * was missed. After each batch the job steps aside while people wait for the store ({@link BulkYield}).
 */
@Component
class BulkRunner implements DisposableBean {

	private final BackgroundJobs runner;

	BulkRunner(BulkJobs jobs, BulkBatch batches, BulkSettings settings, BulkYield turns) {
		this.runner = new BackgroundJobs("bulk-jobs", jobs::oldestRunning, job -> {
			long began = System.nanoTime();
			boolean more = batches.runNext(job);
			if (more) {
				turns.after(Duration.ofNanos(System.nanoTime() - began));
			}
			return more;
		}, settings::pause);
	}

	/** Starts once the caller's transaction commits: the job it made must be visible first. */
	void startAfterCommit() {
		runner.startAfterCommit();
	}

	/** Resumes what was running before a restart; polls too, in case a start was missed. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${backroom.bulk.poll:30s}", initialDelayString = "${backroom.bulk.poll:30s}")
	void start() {
		runner.start();
	}

	@Override
	public void destroy() throws InterruptedException {
		runner.stop();
	}

}
