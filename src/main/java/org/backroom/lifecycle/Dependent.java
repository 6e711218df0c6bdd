package org.backroom.lifecycle;

import static java.util.stream.Collectors.joining;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A kind of transaction that can point to a master record, for example sales orders by their customer. The
 * column must be indexed: "is it referenced?" is an {@code EXISTS} probe on it, whose cost does not grow with
 * history.
 *
 * @param name the key in {@code dependents}, such as {@code salesOrders}
 * @param one the words for one, such as {@code sales order}
 * @param many the words for several, such as {@code sales orders}
 * @param table the referencing table
 * @param column its indexed foreign key column
 */
public record Dependent(String name, String one, String many, String table, String column) {

	/**
	 * Counting stops here: past a thousand sales orders nobody needs the exact figure to decide, and counting a
	 * long history cost more the older the record. So the cost of a count is bounded, whatever the history.
	 */
	static final long CAP = 1_000;

	/** How a count past the cap begins: formatted once, not for every preview of a long history. */
	private static final String PAST_CAP = String.format(Locale.ROOT, "%,d+ ", CAP);

	/** {@code 1 sales order}, {@code 12 sales orders}, {@code 1,000+ sales orders} beyond {@link #CAP}. */
	String count(long count) {
		return count > CAP ? PAST_CAP + many : count + " " + (count == 1 ? one : many);
	}

	/** At most {@link #CAP} + 1 rows read from the foreign key's index: more than CAP means "CAP or more". */
	String countSql() {
		return "SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE " + column + " = ? LIMIT " + (CAP + 1) + ") AS d";
	}

	/**
	 * The capped count of each of {@code kinds} as columns of one select list, each taking the record's id as its
	 * parameter: one round trip however many kinds point to the record.
	 */
	static String countColumns(List<Dependent> kinds) {
		return kinds.stream().map(dependent -> "(" + dependent.countSql() + ")").collect(joining(", "));
	}

	/** The kinds that {@link #countColumns} found, from the row's columns starting at {@code first}; none left out. */
	static Map<String, Long> found(List<Dependent> kinds, ResultSet row, int first) throws SQLException {
		Map<String, Long> found = new LinkedHashMap<>();
		for (int i = 0; i < kinds.size(); i++) {
			long count = row.getLong(first + i);
			if (count > 0) {
				found.put(kinds.get(i).name(), count);
			}
		}
		return found;
	}

	/** Counts as clients see them: a count past the cap shows as the cap (and {@link #capped} names it). */
	static Map<String, Long> shown(Map<String, Long> counts) {
		Map<String, Long> shown = new LinkedHashMap<>();
		counts.forEach((kind, count) -> shown.put(kind, Math.min(count, CAP)));
		return shown;
	}

	/** The kinds whose count stopped at the cap: there are more than {@link #CAP}. */
	static List<String> capped(Map<String, Long> counts) {
		return counts.entrySet().stream().filter(entry -> entry.getValue() > CAP).map(Map.Entry::getKey).toList();
	}

}
