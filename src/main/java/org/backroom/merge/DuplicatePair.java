package org.backroom.merge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import org.jspecify.annotations.Nullable;

/**
 * Two records of one kind that look like one: each with what was found alike, and a score from 0 to 1 that
 * combines the evidence as independent signs ({@code 1 - Π(1 - weight)}). Customers' pairs also name their two
 * records {@code customers}, as they did before items and suppliers had duplicates.
 */
record DuplicatePair(String recordKind, List<Party> records, BigDecimal score, List<Evidence> evidence,
		@JsonAnyGetter Map<String, Object> alias) {

	/** One side of the pair, enough to tell them apart ({@code code} is an item's SKU). */
	record Party(long id, String code, String name, @Nullable String email, @Nullable String phone,
			@Nullable String taxNumber, @Nullable String barcode) {
	}

	/**
	 * One thing alike: {@code email}, {@code phone}, {@code taxNumber}, {@code barcode} or {@code name}, with its
	 * weight.
	 */
	record Evidence(String kind, String detail, BigDecimal weight) {
	}

	static DuplicatePair of(String recordKind, Party first, Party second, List<Evidence> evidence) {
		double unlikely = 1;
		for (Evidence each : evidence) {
			unlikely *= 1 - each.weight().doubleValue();
		}
		List<Party> records = List.of(first, second);
		return new DuplicatePair(recordKind, records, BigDecimal.valueOf(1 - unlikely).setScale(2, RoundingMode.HALF_UP),
				List.copyOf(evidence), recordKind.equals("customer") ? Map.of("customers", records) : Map.of());
	}

	long firstId() {
		return records.get(0).id();
	}

	long secondId() {
		return records.get(1).id();
	}

}
