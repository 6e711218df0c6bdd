package org.backroom.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backroom.lifecycle.RecordQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
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
			fill.forEach(statement -> jdbc.sql(statement).update());
			Map<String, String> plans = new LinkedHashMap<>();
			queries.forEach((name, query) -> plans.put(name, String.join("\n", jdbc
				.sql("EXPLAIN (" + options + ") " + query.sql())
				.params(query.params())
				.query(String.class)
				.list())));
			return plans;
		});
	}

}
