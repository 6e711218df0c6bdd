package org.backroom.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Empties the trash of what has been there longer than {@code backroom.trash.retention}. */
@Component
public class TrashPurge {

	private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

	private final RecordKinds kinds;

	private final Lifecycle lifecycle;

	private final LifecyclePolicy policy;

	TrashPurge(RecordKinds kinds, Lifecycle lifecycle, LifecyclePolicy policy) {
		this.kinds = kinds;
		this.lifecycle = lifecycle;
		this.policy = policy;
	}

	/** Runs nightly; each kind is purged in its own transactions, a thousand records at a time. */
	@Scheduled(cron = "${backroom.trash.purge-cron:0 17 3 * * *}")
	public int purgeExpired() {
		int total = 0;
		for (RecordKind kind : kinds.all()) {
			int purged;
			do {
				purged = lifecycle.purgeExpired(kind, policy.trashRetention());
				total += purged;
			}
			while (purged == 1000);
		}
		log.debug("Trash purge removed {} record(s)", total);
		return total;
	}

}
