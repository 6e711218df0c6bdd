package org.backroom.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What recomputing the chain found: intact with so many entries, or the first entry from which it cannot be
 * trusted (its content or hash was altered, or the entry before it was removed). Entries written but not yet sealed
 * into the chain are counted in {@code entries} and again in {@code unsealed}, with the time of the oldest: their
 * content is checked against their payload hash, but until they are sealed nothing shows one that was removed.
 * Entries whose content an erasure blanked keep their digest and stay intact; {@code erasures} says which entry
 * erased how many. Held against a checkpoint ({@code since}), it says whether the checkpoint's signature is this
 * store's and whether the chain still extends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Verification(boolean intact, long entries, @Nullable Long firstBrokenEntry, long unsealed,
		@Nullable Instant oldestUnsealedAt, long erasedEntries, List<ErasedBy> erasures,
		AuditCheckpoints.@Nullable Since since) {

	static Verification of(long entries, @Nullable Long firstBroken, long unsealed, @Nullable Instant oldestUnsealed) {
		return new Verification(firstBroken == null, entries, firstBroken, unsealed, oldestUnsealed, 0, List.of(),
				null);
	}

	/** {@code erased} entries were blanked by the erasure recorded as entry {@code entry}. */
	record ErasedBy(long entry, String action, long erased) {
	}

	Verification withErasures(List<ErasedBy> found) {
		return new Verification(intact, entries, firstBrokenEntry, unsealed, oldestUnsealedAt,
				found.stream().mapToLong(ErasedBy::erased).sum(), List.copyOf(found), since);
	}

	/** This verification, held against a checkpoint: intact only if the chain also extends it. */
	Verification against(AuditCheckpoints.Since checked) {
		return new Verification(intact && checked.signatureValid() && checked.extended(), entries, firstBrokenEntry,
				unsealed, oldestUnsealedAt, erasedEntries, erasures, checked);
	}

}
