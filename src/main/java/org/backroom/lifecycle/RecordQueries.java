package org.backroom.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.backroom.platform.Sql;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two queries every kind of master record answers the same way: a page of its list under a status filter and
 * a search, and what a picker offers. The table needs the lifecycle columns, a {@code name}, and a lower-cased
 * {@code search} column with trigram GIN indexes; pages go by {@code (lower(name), id)}, which the partial index of
 * each status filter serves.
 */
public final class RecordQueries {

	/** How many records a picker offers at most. */
	public static final int LOOKUP_LIMIT = 20;

	private RecordQueries() {
	}

	/**
	 * One page of records in name order, after the cursor; {@code select} is {@code SELECT … FROM table}. The status
	 * condition is written into the SQL, not bound, so that the planner can match it to the partial indexes.
	 */
	public static JdbcClient.StatementSpec page(JdbcClient jdbc, String select, String statusFilter,
			@Nullable String query, @Nullable Cursor after, int rows) {
		return page(jdbc, select, "name", statusFilter, query, after, rows);
	}

	/** As {@link #page}, for a kind whose records are named by another column (staff: {@code display_name}). */
	public static JdbcClient.StatementSpec page(JdbcClient jdbc, String select, String nameColumn, String statusFilter,
			@Nullable String query, @Nullable Cursor after, int rows) {
		StringBuilder sql = new StringBuilder(select).append(" WHERE ").append(LifecycleStatus.condition(statusFilter));
		List<Object> params = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			sql.append(" AND search LIKE ?");
			params.add(Sql.containing(query));
		}
		if (after != null) {
			sql.append(" AND (lower(" + nameColumn + "), id) > (lower(?), ?)");
			params.add(after.key());
			params.add(after.id());
		}
		sql.append(" ORDER BY lower(" + nameColumn + "), id LIMIT ?");
		params.add(rows);
		return jdbc.sql(sql.toString()).params(params);
	}

	/**
	 * As {@link #page}, for a table large enough that a search must not sort every match, nor walk every name: see
	 * {@link #matches}. {@code columns} name the table as {@code c}.
	 */
	public static JdbcClient.StatementSpec searchPage(JdbcClient jdbc, String columns, String table, String statusFilter,
			@Nullable String query, @Nullable Cursor after, int rows) {
		Query page = searchPageQuery(columns, table, statusFilter, query, after, rows);
		return jdbc.sql(page.sql()).params(page.params());
	}

	/** An SQL text and its parameters, so that a test can read its plan. */
	public record Query(String sql, List<Object> params) {
	}

	/** The query {@link #searchPage} runs. */
	public static Query searchPageQuery(String columns, String table, String statusFilter, @Nullable String query,
			@Nullable Cursor after, int rows) {
		Query ids = matches(table, LifecycleStatus.condition(statusFilter), query, after, rows);
		return new Query("SELECT " + columns + " FROM " + table + " c JOIN (" + ids.sql() + ") AS page ON page.id = c.id"
				+ " ORDER BY page.sort_key, page.id", ids.params());
	}

	/**
	 * How many names, in order, a search reads before it concludes that its matches are rare. Past that the
	 * trigram index finds them all and the few are sorted; before it, a common search has found its page.
	 */
	public static final int WALK = 8_000;

	/**
	 * The {@code (id, sort_key)} of the first {@code rows} records in name order under {@code condition} that
	 * contain {@code query}, after the cursor: always the same answer, found one of two bounded ways in one
	 * statement. First an index-only walk of the next {@link #WALK} names (the name indexes carry the search column,
	 * V18_1, V30): if a page's worth of them match, that is the page, and the search was common. Otherwise the
	 * matches are rare or gathered elsewhere in the alphabet, and the trigram GIN index finds all of them to be
	 * sorted. Neither a common search sorts a hundred thousand matches, nor a rare one walks a million names.
	 */
	public static Query matches(String table, String condition, @Nullable String query, @Nullable Cursor after,
			int rows) {
		return matches(table, condition, query, after, rows, false);
	}

	/**
	 * What a picker offers: {@code rows} records under {@code condition} that contain {@code query}, in name order,
	 * and when more match, which ones is not promised (typing more letters narrows them). The first page in name
	 * order when the search is common, as {@link #matches}; otherwise any {@code rows} of the matches, read from the
	 * trigram index alone ({@code picker_matches}, V59), so that neither a search whose many matches are gathered far
	 * down the alphabet ("ame": every James) sorts them all, nor a rare one reads the table until a page turns up.
	 */
	public static Query pickerMatches(String table, String condition, @Nullable String query, int rows) {
		return matches(table, condition, query, null, rows, true);
	}

	/** The search of {@code matches}, its {placeholders} filled in there. */
	private static final String MATCHES = """
				WITH walk AS (
				    SELECT id, sort_key FROM (
				        SELECT id, lower(name) AS sort_key, search FROM {table} WHERE {condition}{keyset}
				        ORDER BY lower(name), id LIMIT {walk}) AS named
				    WHERE search LIKE {value} ORDER BY sort_key, id LIMIT {rows}),
				rare AS MATERIALIZED ({rare})
				(SELECT id, sort_key FROM walk WHERE (SELECT count(*) FROM walk) = {rows})
				UNION ALL
				(SELECT id, sort_key FROM rare ORDER BY sort_key, id LIMIT {rows})""";

	// Every rare match, sorted outside the CTE, so that the planner cannot walk the names again to find a few.
	private static final String EVERY_RARE = """
				SELECT id, lower(name) AS sort_key FROM {table}
				    WHERE {condition} AND search LIKE ?{keyset} AND (SELECT count(*) FROM walk) < {rows}""";

	// A page of any of them, read from the trigram index alone (V59: the planner took a rare pattern in one
	// statement for a common one and read the table in id order until a page turned up).
	private static final String ANY_RARE = """
				SELECT id, sort_key FROM picker_matches('{table}', '{conditionText}', {value}, {rows})
				    WHERE (SELECT count(*) FROM walk) < {rows}""";

	private static Query matches(String table, String condition, @Nullable String query, @Nullable Cursor after,
			int rows, boolean anyRows) {
		List<Object> params = new ArrayList<>();
		String keyset = after == null ? "" : " AND (lower(name), id) > (lower(?), ?)";
		if (query == null || query.isBlank()) {
			addCursor(params, after);
			return new Query("SELECT id, lower(name) AS sort_key FROM " + table + " WHERE " + condition + keyset
					+ " ORDER BY lower(name), id LIMIT " + rows, params);
		}
		String pattern = Sql.containing(query);
		addCursor(params, after);
		params.add(pattern);
		params.add(pattern);
		addCursor(params, after);
		// A picker's values as PickerQuery#VALUE gives them: its statement is planned once per connection.
		String sql = MATCHES
			.replace("{rare}", anyRows ? ANY_RARE : EVERY_RARE)
			.replace("{value}", anyRows ? PickerQuery.VALUE : "?")
			.replace("{table}", table)
			.replace("{condition}", condition)
			.replace("{conditionText}", condition.replace("'", "''"))
			.replace("{keyset}", keyset)
			.replace("{walk}", String.valueOf(WALK))
			.replace("{rows}", String.valueOf(rows));
		return new Query(sql, params);
	}

	private static void addCursor(List<Object> params, @Nullable Cursor after) {
		if (after != null) {
			params.add(after.key());
			params.add(after.id());
		}
	}

	/** Active records matching what was typed, in name order, at most {@link #LOOKUP_LIMIT}: never an inactive one. */
	public static JdbcClient.StatementSpec lookup(JdbcClient jdbc, String select, @Nullable String query) {
		String match = query == null || query.isBlank() ? "" : " AND search LIKE :q";
		return jdbc.sql(select + " WHERE status = 'ACTIVE'" + match + " ORDER BY lower(name), id LIMIT :rows")
			.param("q", query == null ? "" : Sql.containing(query))
			.param("rows", LOOKUP_LIMIT);
	}

	/**
	 * Where the next page of a name-ordered list starts. The cursor holds the name as stored and PostgreSQL
	 * lower-cases it in {@link #page}: Java lower-cases some letters differently (final sigma, dotted capital I),
	 * which made a page repeat itself for ever or skip records.
	 */
	public static Cursor after(String name, long id) {
		return new Cursor(name, id);
	}

}
