package org.backroom.merge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.backroom.merge.DuplicatePair.Evidence;
import org.backroom.merge.DuplicatePair.Party;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs a kind's SQL that proposes duplicates ({@link MergeKind#duplicatesSql()}). Each walks active records in id
 * order and, for each, asks indexes (V50 for customers, V54 for items and suppliers) for a later record alike (same
 * email, phone digits, tax number or barcode, a name of high trigram similarity through the GiST index and
 * {@code %}): no pair is compared unless an index proposes it, and a page ends the walk.
 */
@Repository
class DuplicateFinder {

	/** How similar two names must be (pg_trgm similarity) to be proposed. */
	static final double NAME_SIMILARITY = 0.5;

	private final JdbcClient jdbc;

	DuplicateFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Pairs after the cursor (the first id as key, the second as id), in (first, second) order. */
	List<DuplicatePair> after(MergeKind kind, @Nullable Cursor after, int rows) {
		// Local to the caller's transaction: the threshold that the % operator and its index use.
		jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(NAME_SIMILARITY))
			.query(String.class)
			.single();
		return jdbc.sql(kind.duplicatesSql())
			.param("afterFirst", after == null ? 0L : Long.parseLong(after.key()))
			.param("afterSecond", after == null ? 0L : after.id())
			.param("rows", rows)
			.query((rs, row) -> pair(kind, rs))
			.list();
	}

	private static DuplicatePair pair(MergeKind recordKind, ResultSet rs) throws SQLException {
		Party first = party(rs, "a_");
		Party second = party(rs, "b_");
		List<Evidence> evidence = new ArrayList<>();
		for (String kind : kinds(rs.getArray("kinds"))) {
			evidence.add(switch (kind) {
				case "email" -> new Evidence(kind, "Both have the email " + first.email(), new BigDecimal("0.90"));
				case "phone" -> new Evidence(kind, "Both have the phone number " + digits(first.phone()),
						new BigDecimal("0.80"));
				case "taxNumber" -> new Evidence(kind, "Both have the tax number " + first.taxNumber(),
						new BigDecimal("0.95"));
				case "barcode" -> new Evidence(kind, "The barcodes " + first.barcode() + " and " + second.barcode()
						+ " are the same number", new BigDecimal("0.95"));
				default -> similarName(first, second, rs.getDouble("sim"));
			});
		}
		return DuplicatePair.of(recordKind.name(), first, second, evidence);
	}

	private static Evidence similarName(Party first, Party second, double similarity) {
		BigDecimal weight = BigDecimal.valueOf(similarity).setScale(2, RoundingMode.HALF_UP);
		return new Evidence("name", "\"" + first.name() + "\" and \"" + second.name() + "\" are alike ("
				+ weight.toPlainString() + ")", weight);
	}

	private static List<String> kinds(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static String digits(@Nullable String phone) {
		return phone == null ? "" : phone.replaceAll("\\D", "");
	}

	private static Party party(ResultSet rs, String prefix) throws SQLException {
		return new Party(rs.getLong(prefix + "id"), rs.getString(prefix + "code"), rs.getString(prefix + "name"),
				rs.getString(prefix + "email"), rs.getString(prefix + "phone"), rs.getString(prefix + "tax"),
				rs.getString(prefix + "barcode"));
	}

}
