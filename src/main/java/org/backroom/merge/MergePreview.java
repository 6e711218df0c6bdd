package org.backroom.merge;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a merge would do, before anyone acts: what moves to the survivor (the duplicates' orders, found through the
 * merge link, and their open balances), what conflicts (field values that differ, a credit limit the combined
 * balance passes), and what cannot be merged at all.
 */
record MergePreview(long survivorId, List<Side> records, Moves moves, List<Conflict> conflicts,
		List<String> warnings, List<Refused> refused, boolean allowed) {

	/** One record as it is now, side by side with the others. */
	record Side(long id, String code, String name, @Nullable String email, @Nullable String phone,
			@Nullable String address, @Nullable String taxNumber, @Nullable String notes, boolean creditAllowed,
			String creditLimit, String balance, String status, long orders, boolean survivor) {

		/** A field's value by its API name, for the side-by-side table. */
		public @Nullable Object value(String field) {
			return switch (field) {
				case "name" -> name;
				case "email" -> email;
				case "phone" -> phone;
				case "address" -> address;
				case "taxNumber" -> taxNumber;
				case "notes" -> notes;
				case "creditAllowed" -> creditAllowed ? "yes" : "no";
				case "creditLimit" -> creditLimit;
				default -> null;
			};
		}

	}

	/** What the survivor gains: orders shown through the link (none is rewritten) and the balance transferred. */
	record Moves(long orders, String balance, String balanceAfter) {
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
