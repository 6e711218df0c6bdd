package org.backroom.bulk;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a job would do now: the records it would process and those it would skip, with why. {@code asOf} is when
 * this was true; pass it to the job so that a record with activity since is skipped.
 */
record Preview(int total, List<Long> toProcess, List<Skipped> skipped, Instant asOf) {

	/** A record the job leaves alone: {@code reason} is a stable code, {@code detail} says it in words. */
	record Skipped(long id, String reason, String detail) {
	}

	/** A job's record and its outcome so far: {@code PENDING} until the job reaches it, then what became of it. */
	record Outcome(long recordId, String outcome, @Nullable String reason, @Nullable String detail) {
	}

}
