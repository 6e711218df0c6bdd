package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Items are searched as customers are: a common search walks the name index of its filter that carries the search
 * column (V30), index only, and stops at the page's end; a rare one goes through the trigram index. Read from what
 * the list and the picker executed on a catalogue of 40,000 items.
 */
@BackroomTest
class ItemSearchPlanTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aCommonSearchWalksTheNameIndexAndARareOneTheTrigramIndex() {
		Map<String, RecordQueries.Query> queries = new LinkedHashMap<>();
		queries.put("list, common", RecordQueries.searchPageQuery(Items.LISTED, "items", "all", "tea", null, 51));
		queries.put("picker, common", Items.lookupQuery("tea"));
		queries.put("list, rare", RecordQueries.searchPageQuery(Items.LISTED, "items", "all", "qzxv", null, 51));
		queries.put("picker, rare", Items.lookupQuery("qzxv"));

		Map<String, String> plans = plans(queries);

		assertThat(plans.get("list, common")).containsPattern("Index Only Scan using items_listed_by_name_search .*\\(actual");
		assertThat(plans.get("picker, common"))
			.containsPattern("Index Only Scan using items_(active_by_name|by_status_name)_search .*\\(actual");
		assertThat(plans.get("list, rare")).containsPattern("Bitmap Index Scan on items_search(_active)? \\(actual");
		assertThat(plans.get("picker, rare")).containsPattern("Bitmap Index Scan on items_search(_active)? \\(actual");
		plans.forEach((query, plan) -> assertThat(plan).as(query).doesNotContainPattern("Seq Scan .*\\(actual"));
	}

	/** What each query executed with 40,000 items more (one in four a tea), rolled back afterwards. */
	private Map<String, String> plans(Map<String, RecordQueries.Query> queries) {
		return transaction.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("""
					INSERT INTO items (sku, name, price)
					SELECT 'PLAN-' || g, CASE WHEN g % 4 = 0 THEN 'Green tea ' ELSE 'Oat biscuits ' END || g, 1
					FROM generate_series(1, 40000) AS g""").update();
			jdbc.sql("ANALYZE items").update();
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
