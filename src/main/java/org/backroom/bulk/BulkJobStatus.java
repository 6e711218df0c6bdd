package org.backroom.bulk;

import java.util.Locale;
import java.util.Set;

/**
 * Where a bulk job stands. A job starts running; one that needs a second person's approval waits for it, and is
 * then run or rejected; a running job is done when no record is left. A job another feature proposes (the retention
 * review) waits, proposed, until a person starts it (it then runs, or waits for approval) or discards it. In JSON
 * and in the database, its name.
 */
enum BulkJobStatus {

	PROPOSED, PENDING_APPROVAL, RUNNING, DONE, REJECTED, DISCARDED;

	/** The moves a job may make; done, rejected and discarded are final. */
	Set<BulkJobStatus> next() {
		return switch (this) {
			case PROPOSED -> Set.of(RUNNING, DISCARDED);
			case RUNNING -> Set.of(PENDING_APPROVAL, DONE);
			case PENDING_APPROVAL -> Set.of(RUNNING, REJECTED);
			case DONE, REJECTED, DISCARDED -> Set.of();
		};
	}

	/** {@code next}, when this status may move to it. */
	BulkJobStatus moveTo(BulkJobStatus next) {
		if (!next().contains(next)) {
			throw new IllegalStateException("A " + this + " bulk job cannot become " + next);
		}
		return next;
	}

	/** Whether the job is still to finish, so its page keeps asking for progress. */
	boolean unfinished() {
		return this == RUNNING || this == PENDING_APPROVAL;
	}

	/** The status as a word in a sentence, and its badge's style (public: the job page calls it). */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}
