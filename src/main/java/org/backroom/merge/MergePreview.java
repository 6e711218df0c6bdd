package org.backroom.merge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * What a merge would do, before anyone acts: what moves to the survivor (the duplicates' orders, found through the
 * merge link, and their open balances or stock), what conflicts (field values that differ, a credit limit the
 * combined balance passes), and what cannot be merged at all.
 */
record MergePreview(long survivorId, List<Side> records, Moves moves, List<Conflict> conflicts,
		List<String> warnings, List<Refused> refused, boolean allowed) {

	/** One record as it is now, side by side with the others: its fields and figures, by their API names. */
	record Side(long id, String code, String name, @JsonIgnore Map<String, @Nullable Object> values, String status,
			long orders, boolean survivor) {

		static Side of(MergeRecord record, long orders, boolean survivor) {
			Map<String, @Nullable Object> values = new LinkedHashMap<>(record.values());
			values.remove("name");
			values.putAll(record.figures());
			return new Side(record.id(), record.code(), record.name(), values, record.status().name(), orders, survivor);
		}

		/** The fields and figures as JSON properties of the side ({@code email}, {@code balance}, …). */
		@JsonAnyGetter
		Map<String, @Nullable Object> properties() {
			return values;
		}

		/** A field's value by its API name, for the side-by-side table. */
		public @Nullable Object value(String field) {
			Object value = field.equals("name") ? name : values.get(field);
			return value instanceof Boolean yes ? (yes ? "yes" : "no") : value;
		}

	}

	/**
	 * What the survivor gains: orders shown through the link (none is rewritten), and the amount transferred with
	 * the survivor's after it ({@code balance}, {@code balanceAfter} for customers; {@code stock}, {@code stockAfter}
	 * for items).
	 */
	record Moves(long orders, @JsonAnyGetter Map<String, Object> amounts) {

		static Moves balance(long orders, BigDecimal moved, BigDecimal after) {
			Map<String, Object> amounts = new LinkedHashMap<>();
			amounts.put("balance", money(moved));
			amounts.put("balanceAfter", money(after));
			return new Moves(orders, amounts);
		}

	}

	/** A field whose values differ: the survivor's is kept unless {@code fields} says {@code fromDuplicate}. */
	record Conflict(String field, long duplicateId, @Nullable Object survivorValue, @Nullable Object duplicateValue) {
	}

	/** A record that cannot take part, and why: {@code code} is stable, {@code detail} is for people. */
	record Refused(long id, String code, String detail, @Nullable Long mergedInto) {

		static Refused of(long id, String code, String detail) {
			return new Refused(id, code, detail, null);
		}

	}

	static String money(BigDecimal amount) {
		return amount.setScale(2).toPlainString();
	}

}
