package org.backroom.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a picker offers for what was typed, found without sorting every match. First the records where a word of
 * the name, a code or an email <em>starts</em> with it, each read in order from a b-tree {@code text_pattern_ops}
 * index (V55) and stopped after a page: what a cashier types is most often the start of a name. Only when those are
 * fewer than a page, the records that contain it anywhere else, as every search finds them
 * ({@link RecordQueries#pickerMatches}: a bounded walk of the names, then the trigram GIN index). Every answer still
 * contains what was typed (the substring meaning of {@code q} holds); the prefix matches come first, each group in
 * name order.
 *
 * <p>A trigram GiST index read in nearest-neighbour order ({@code search <-> q}) was measured for the second group
 * and not taken: over the search column (name, code, email and phone in one text) its signatures saturate, so a
 * nearest-first scan read most of the index, 20 to 190 ms at 100,000 customers against a few for the walk.
 *
 * @param table the master table
 * @param condition the rows a picker may offer, as the partial indexes are written ({@code status = 'ACTIVE'})
 * @param prefixes the expressions matched by prefix, each lower-cased as the search column is and indexed with
 * {@code text_pattern_ops} under {@code condition}
 */
public record PickerQuery(String table, String condition, List<String> prefixes) {

	/**
	 * The {@code (id, sort_key)} of at most {@code rows} records in the order the picker shows them, or the first
	 * {@code rows} in name order when nothing was typed.
	 */
	public RecordQueries.Query ids(@Nullable String typed, int rows) {
		if (typed == null || typed.isBlank()) {
			return new RecordQueries.Query("SELECT id, 1 AS rank, lower(name) AS sort_key FROM " + table + " WHERE "
					+ condition + " ORDER BY lower(name), id LIMIT " + rows, List.of());
		}
		List<Object> params = new ArrayList<>();
		String lowered = typed.strip().toLowerCase(Locale.ROOT);
		String branches = prefixes.stream().map(expression -> {
			params.add(lowered);
			params.add(lowered + LAST);
			return "(SELECT id, lower(name) AS sort_key FROM " + table + " WHERE " + condition + " AND " + expression
					+ " ~>=~ " + VALUE + " AND " + expression + " ~<~ " + VALUE + " ORDER BY " + expression
					+ " USING ~<~ LIMIT " + rows + ")";
		}).collect(Collectors.joining("\n        UNION\n        "));
		// A page of others is enough: when k prefix matches were found, at most k of the others are among them.
		RecordQueries.Query others = RecordQueries.pickerMatches(table, condition, typed, rows);
		params.addAll(others.params());
		String sql = SQL.replace("{branches}", branches)
			.replace("{others}", others.sql())
			.replace("{rows}", String.valueOf(rows));
		return new RecordQueries.Query(sql, params);
	}

	/**
	 * How a picker's statement takes each value it is given: {@code (SELECT CAST(? AS text))}, a value that the
	 * planner does not see, so that PostgreSQL plans the statement once per connection instead of for every
	 * keystroke. The statement is written to be served the same way whatever was typed (bound ranges, a bounded walk,
	 * and {@code picker_matches}, which plans its own query with the value); but given the values themselves, the
	 * planner found each of its custom plans cheaper than the generic one and kept planning afresh, 2.2 ms of every
	 * lookup at a million customers, more than the lookup itself. Hidden, every custom plan costs what the generic
	 * plan does, and after its first five PostgreSQL keeps the generic one (its rule: a generic plan no dearer than
	 * the average custom plan with its planning). Until this round the lookup set {@code plan_cache_mode} for its
	 * transaction instead: a transaction and a statement more, two round trips of every keystroke.
	 */
	public static final String VALUE = "(SELECT CAST(? AS text))";

	/**
	 * The last code point: every text that starts with the typed prefix sorts from the prefix (inclusive) to the
	 * prefix followed by it (exclusive) in byte order, {@code text_pattern_ops}'. A range of bound parameters, not
	 * {@code LIKE 'abc%'}, so that a generic plan of the prepared statement still reads the index as a range.
	 */
	private static final String LAST = new String(Character.toChars(Character.MAX_CODE_POINT));

	// The others are read only when the prefixes did not fill a page (the one-time filter on prefix's count); both
	// CTEs are materialized so that each stops at its LIMIT instead of being merged into the outer sort.
	private static final String SQL = """
			WITH prefix AS MATERIALIZED (
			    SELECT id, sort_key FROM (
			        {branches}) AS p
			    ORDER BY sort_key, id LIMIT {rows}),
			others AS MATERIALIZED (
			    SELECT id, sort_key FROM ({others}) AS o WHERE (SELECT count(*) FROM prefix) < {rows})
			SELECT id, 1 AS rank, sort_key FROM prefix
			UNION ALL
			(SELECT id, 2, sort_key FROM others WHERE id NOT IN (SELECT id FROM prefix) ORDER BY sort_key, id LIMIT {rows})""";

}
