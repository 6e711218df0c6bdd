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
	 * As {@link #page}, for a table large enough that a search must not sort every match: the page's ids come from
	 * an index-only walk of the status filter's name index, which carries the {@code search} column (V18_1), so the
	 * walk stops at the page's last row whenever matches are common; for a rare search the planner takes the
	 * trigram GIN index and sorts the few matches instead. {@code columns} name the table as {@code c}.
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
		StringBuilder ids = new StringBuilder("SELECT id, lower(name) AS sort_key FROM " + table + " WHERE ")
			.append(LifecycleStatus.condition(statusFilter));
		List<Object> params = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			ids.append(" AND search LIKE ?");
			params.add(Sql.containing(query));
		}
		if (after != null) {
			ids.append(" AND (lower(name), id) > (lower(?), ?)");
			params.add(after.key());
			params.add(after.id());
		}
		ids.append(" ORDER BY lower(name), id LIMIT ?");
		params.add(rows);
		return new Query("SELECT " + columns + " FROM " + table + " c JOIN (" + ids + ") AS page ON page.id = c.id"
				+ " ORDER BY page.sort_key, page.id", params);
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
