package org.backroom.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets answers older than the retention. Safe on any number of instances at once: each batch skips the rows
 * another instance is deleting, and deleting what is already gone does nothing.
 */
@Component
class IdempotencyKeyCleanup {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

	private final IdempotencyKeys keys;

	private final IdempotencySettings settings;

	private final TransactionTemplate batch;

	IdempotencyKeyCleanup(IdempotencyKeys keys, IdempotencySettings settings, PlatformTransactionManager transactions) {
		this.keys = keys;
		this.settings = settings;
		this.batch = new TransactionTemplate(transactions);
	}

	@Scheduled(cron = "${backroom.idempotency.cleanup-cron:0 41 * * * *}")
	void removeExpired() {
		int removed = 0;
		int last;
		do {
			Integer batchRemoved = batch.execute(status -> keys.removeOlderThan(settings.retention()));
			last = batchRemoved == null ? 0 : batchRemoved;
			removed += last;
		}
		while (last == IdempotencyKeys.cleanupBatch());
		if (removed > 0) {
			log.info("Forgot {} idempotency key(s) older than {}", removed, settings.retention());
		}
	}

}
