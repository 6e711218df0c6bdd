package org.backroom.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What recomputing the chain found: intact with so many entries, or the first entry from which it cannot be
 * trusted (its content or hash was altered, or the entry before it was removed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Verification(boolean intact, long entries, @Nullable Long firstBrokenEntry) {

	static Verification of(long entries, @Nullable Long firstBroken) {
		return new Verification(firstBroken == null, entries, firstBroken);
	}

}
