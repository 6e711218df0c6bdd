package org.backroom.bulk;

import java.time.Instant;
import java.util.List;

/**
 * What a job would do now: the records it would process and those it would skip, with why. {@code asOf} is when
 * this was true; pass it to the job so that a record with activity since is skipped.
 */
record Preview(int total, List<Long> toProcess, List<Skipped> skipped, Instant asOf) {

	/** A record the job leaves alone: {@code reason} is a stable code, {@code detail} says it in words. */
	record Skipped(long id, String reason, String detail) {
	}

}
