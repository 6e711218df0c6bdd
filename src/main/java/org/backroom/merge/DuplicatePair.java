package org.backroom.merge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Two customers that look like one: each with what was found alike, and a score from 0 to 1 that combines the
 * evidence as independent signs ({@code 1 - Π(1 - weight)}).
 */
record DuplicatePair(List<Party> customers, BigDecimal score, List<Evidence> evidence) {

	/** One side of the pair, enough to tell them apart. */
	record Party(long id, String code, String name, @Nullable String email, @Nullable String phone,
			@Nullable String taxNumber) {
	}

	/** One thing alike: {@code email}, {@code phone}, {@code taxNumber} or {@code name}, with its weight. */
	record Evidence(String kind, String detail, BigDecimal weight) {
	}

	static DuplicatePair of(Party first, Party second, List<Evidence> evidence) {
		double unlikely = 1;
		for (Evidence each : evidence) {
			unlikely *= 1 - each.weight().doubleValue();
		}
		return new DuplicatePair(List.of(first, second),
				BigDecimal.valueOf(1 - unlikely).setScale(2, RoundingMode.HALF_UP), List.copyOf(evidence));
	}

	long firstId() {
		return customers.get(0).id();
	}

	long secondId() {
		return customers.get(1).id();
	}

}
