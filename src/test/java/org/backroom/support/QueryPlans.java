package org.backroom.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		return transaction.execute(status -> {
			status.setRollbackOnly();
			fill.forEach(statement -> jdbc.sql(statement).update());
			Map<String, String> plans = new LinkedHashMap<>();
			queries.forEach((name, query) -> plans.put(name, String.join("\n", jdbc
				.sql("EXPLAIN (ANALYZE, COSTS OFF) " + query.sql())
				.params(query.params())
				.query(String.class)
				.list())));
			return plans;
		});
	}

}
