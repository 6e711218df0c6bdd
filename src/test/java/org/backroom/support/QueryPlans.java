package org.backroom.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.backroom.lifecycle.RecordQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What queries executed on a store made large for the occasion: {@code fill} adds the rows (and analyzes them), each
 * query runs under {@code EXPLAIN (ANALYZE, COSTS OFF)}, and everything is rolled back, so other tests never see the
 * rows. The plan tests of every search read their plans through here.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	/** The executed plan of each query, by its name, after {@code fill}'s statements in the same transaction. */
	public static Map<String, String> executed(JdbcClient jdbc, TransactionTemplate transaction, List<String> fill,
			Map<String, RecordQueries.Query> queries) {
		return explained(jdbc, transaction, fill, queries, "ANALYZE, COSTS OFF");
	}

	/**
	 * As {@link #executed}, with the pages each step read ({@code BUFFERS}): what a function's own queries read shows
	 * only there, in its scan's buffers.
	 */
	public static Map<String, String> executedWithPages(JdbcClient jdbc, TransactionTemplate transaction,
			List<String> fill, Map<String, RecordQueries.Query> queries) {
		return explained(jdbc, transaction, fill, queries, "ANALYZE, BUFFERS, COSTS OFF");
	}

	/** The pages the executed plan shows a function's scan read, in all (shared hit and read). */
	public static int pagesOfFunction(String plan, String function) {
		Matcher scan = Pattern
			.compile("Function Scan on " + function + " \\(actual[^\\n]*\\)\\n\\s+Buffers: shared ([^\\n]*)")
			.matcher(plan);
		if (!scan.find()) {
			throw new AssertionError("No executed scan of " + function + " with its buffers in:\n" + plan);
		}
		int pages = 0;
		Matcher count = Pattern.compile("(hit|read)=(\\d+)").matcher(scan.group(1));
		while (count.find()) {
			pages += Integer.parseInt(count.group(2));
		}
		return pages;
	}

	/**
	 * The most rows any step of an executed plan handled: those it returned over all its loops, or those its filter
	 * read and threw away over all its loops (EXPLAIN shows both per loop). A page found without reading a whole
	 * history keeps this near the page's size. A plan without a single executed step is refused, so that a change
	 * in EXPLAIN's format cannot make every bound hold.
	 */
	public static long mostRowsOfAnyStep(String plan) {
		Pattern step = Pattern.compile("actual [^\\n]*rows=(\\d+(?:\\.\\d+)?) loops=(\\d+)");
		Pattern removed = Pattern.compile("Rows Removed by (?:Filter|Join Filter|Index Recheck): (\\d+(?:\\.\\d+)?)");
		long most = -1;
		long loops = 1;
		for (String line : plan.split("\\n")) {
			Matcher executed = step.matcher(line);
			if (executed.find()) {
				loops = Long.parseLong(executed.group(2));
				most = Math.max(most, Math.round(Double.parseDouble(executed.group(1)) * loops));
			}
			Matcher thrown = removed.matcher(line);
			if (thrown.find()) {
				most = Math.max(most, Math.round(Double.parseDouble(thrown.group(1)) * loops));
			}
		}
		if (most < 0) {
			throw new AssertionError("No executed step in:\n" + plan);
		}
		return most;
	}

	private static Map<String, String> explained(JdbcClient jdbc, TransactionTemplate transaction, List<String> fill,
			Map<String, RecordQueries.Query> queries, String options) {
		return transaction.execute(status -> {
			status.setRollbackOnly();
			int pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
			fill.forEach(statement -> watched(jdbc, pid, statement, () -> jdbc.sql(statement).update()));
			return plans(jdbc, jdbc, pid, queries, options);
		});
	}

	/**
	 * A store filled once for a whole test class, in a transaction of its own connection that {@link Store#close}
	 * rolls back: each test's plans are read inside a savepoint rolled back after them, so what one test sets
	 * ({@code SET LOCAL}) never reaches the next, and the class pays for its fill once.
	 */
	public static Store filled(DataSource dataSource, List<String> fill) {
		try {
			Connection connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			Store store = new Store(connection, JdbcClient.create(new SingleConnectionDataSource(connection, true)),
					JdbcClient.create(dataSource));
			try {
				fill.forEach(statement -> watched(store.watcher, store.pid, statement,
						() -> store.jdbc.sql(statement).update()));
			}
			catch (RuntimeException failed) {
				store.close();
				throw failed;
			}
			return store;
		}
		catch (SQLException unavailable) {
			throw new IllegalStateException(unavailable);
		}
	}

	/** An SQL text with {@code ?} placeholders as the driver prepares it on the server: {@code $1}, {@code $2} … */
	public static String numbered(String sql) {
		int[] n = { 0 };
		return Pattern.compile("\\?").matcher(sql).replaceAll(match -> "\\$" + ++n[0]);
	}

	/** How many times PostgreSQL planned a prepared statement with its values, and how many it used its generic plan. */
	public record Plans(long custom, long generic) {
	}

	/** See {@link #filled}. */
	public static final class Store implements AutoCloseable {

		private final Connection connection;

		private final JdbcClient jdbc;

		private final JdbcClient watcher;

		private final int pid;

		private Store(Connection connection, JdbcClient jdbc, JdbcClient watcher) {
			this.connection = connection;
			this.jdbc = jdbc;
			this.watcher = watcher;
			this.pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
		}

		/** As {@link QueryPlans#executed}, on this store, after {@code more} statements undone afterwards. */
		public Map<String, String> executed(List<String> more, Map<String, RecordQueries.Query> queries) {
			return explained(more, queries, "ANALYZE, COSTS OFF");
		}

		/** As {@link QueryPlans#executedWithPages}, on this store. */
		public Map<String, String> executedWithPages(Map<String, RecordQueries.Query> queries) {
			return explained(List.of(), queries, "ANALYZE, BUFFERS, COSTS OFF");
		}

		/**
		 * How PostgreSQL planned {@code sql} (with {@code ?} placeholders, as the application writes it) while
		 * {@code runs} ran it on this store's connection through the driver, as on a new connection: the store's
		 * comes from the pool, where other tests may have run the same statement on a few rows, and PostgreSQL weighs
		 * a statement's generic plan against the average of all its custom plans on the connection, kept across
		 * re-planning. So the session's prepared statements start afresh ({@code DEALLOCATE ALL}; the driver prepares
		 * its own again).
		 */
		public Plans planned(String sql, Consumer<JdbcClient> runs) {
			String prepared = numbered(sql);
			return within(onStore -> {
				onStore.sql("DEALLOCATE ALL").update();
				runs.accept(onStore);
				return onStore.sql("SELECT custom_plans, generic_plans FROM pg_prepared_statements WHERE statement = ?")
					.param(prepared)
					.query((rs, row) -> new Plans(rs.getLong("custom_plans"), rs.getLong("generic_plans")))
					.single();
			});
		}

		private Map<String, String> explained(List<String> more, Map<String, RecordQueries.Query> queries,
				String options) {
			return within(onStore -> {
				more.forEach(statement -> onStore.sql(statement).update());
				return plans(onStore, watcher, pid, queries, options);
			});
		}

		/** What {@code work} finds on this store's connection, undone afterwards (a savepoint rolled back). */
		private <T> T within(Function<JdbcClient, T> work) {
			try {
				Savepoint before = connection.setSavepoint();
				try {
					return work.apply(jdbc);
				}
				finally {
					connection.rollback(before);
				}
			}
			catch (SQLException failed) {
				throw new IllegalStateException(failed);
			}
		}

		@Override
		public void close() {
			try (connection) {
				connection.rollback();
			}
			catch (SQLException failed) {
				throw new IllegalStateException(failed);
			}
		}

	}

	private static Map<String, String> plans(JdbcClient jdbc, JdbcClient watcher, int pid,
			Map<String, RecordQueries.Query> queries, String options) {
		Map<String, String> plans = new LinkedHashMap<>();
		queries.forEach((name, query) -> {
			String explain = "EXPLAIN (" + options + ") " + query.sql();
			plans.put(name, String.join("\n", watched(watcher, pid, explain,
					() -> jdbc.sql(explain).params(query.params()).query(String.class).list())));
		});
		return plans;
	}

	/**
	 * Runs one statement of a plan test, and when it takes longer than {@link #SLOW}, says in the build's output how
	 * long and what its session was waiting on meanwhile (sampled each second from {@code pg_stat_activity} on another
	 * connection): a plan test that once took 80 s in a whole build and 3 s alone left nothing else to read.
	 */
	private static <T> T watched(JdbcClient jdbc, int pid, String statement, Supplier<T> run) {
		List<String> waits = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		Thread watch = new Thread(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					Thread.sleep(1000);
					waits.add(jdbc.sql("SELECT coalesce(wait_event_type || '/' || wait_event, 'on CPU')"
							+ " FROM pg_stat_activity WHERE pid = ?").param(pid).query(String.class).optional()
						.orElse("gone"));
				}
			}
			catch (InterruptedException | RuntimeException stopped) {
				// The statement is done, or the pool is closing.
			}
		}, "query-plans-watch");
		watch.setDaemon(true);
		watch.start();
		try {
			return run.get();
		}
		finally {
			watch.interrupt();
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			if (took.compareTo(SLOW) > 0) {
				System.err.printf("QueryPlans: a statement took %d ms; its session each second: %s%n%s%n",
						took.toMillis(), waits, statement);
			}
		}
	}

	private static final Duration SLOW = Duration.ofSeconds(20);

}
