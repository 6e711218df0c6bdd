package org.backroom.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What recomputing the chain found: intact with so many entries, or the first entry from which it cannot be
 * trusted (its content or hash was altered, or the entry before it was removed). Entries whose content an erasure
 * blanked keep their digest and stay intact; {@code erasures} says which entry erased how many.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Verification(boolean intact, long entries, @Nullable Long firstBrokenEntry, long erasedEntries,
		List<ErasedBy> erasures) {

	static Verification of(long entries, @Nullable Long firstBroken) {
		return new Verification(firstBroken == null, entries, firstBroken, 0, List.of());
	}

	/** {@code erased} entries were blanked by the erasure recorded as entry {@code entry}. */
	record ErasedBy(long entry, String action, long erased) {
	}

	Verification withErasures(List<ErasedBy> erasures) {
		return new Verification(intact, entries, firstBrokenEntry,
				erasures.stream().mapToLong(ErasedBy::erased).sum(), List.copyOf(erasures));
	}

}
