package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.Sql;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At scale, a search that matches many customers walks the name index that carries the search column (V18_1) and
 * stops at the page's end, index only, instead of sorting every match; a rare search goes through the trigram
 * index. Read from the plans of the very queries the list and the picker run.
 */
@BackroomTest
class CustomerSearchPlanTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aCommonSearchWalksTheNameIndexAndStopsAtThePageEnd() {
		var common = RecordQueries.searchPageQuery(Customer.COLUMNS, "customers", "all", "johns", null, 51);
		String list = plan(common.sql(), common.params().toArray());
		String picker = plan(Customers.LOOKUP.replace("{match}", "AND search LIKE :q").replace(":q", "?")
			.replace(":rows", "?"), Sql.containing("johns"), Sql.containing("johns"), 20, 20);

		// An index-only scan once VACUUM has marked the pages all-visible; rows inserted in this transaction are not.
		assertThat(list).contains("Scan using customers_listed_by_name_search", "Limit")
			.doesNotContain("Sort", "Seq Scan");
		// Either name index that carries the search column serves the walk; only the 20 found are sorted.
		assertThat(picker).containsPattern("Limit .*\\n.*Scan using customers_(active_by_name|by_status_name)_search")
			.contains("customers_system")
			.doesNotContain("Sort Key: (lower", "Seq Scan");
	}

	@Test
	void aRareSearchUsesTheTrigramIndexInsteadOfWalkingEveryName() {
		var rare = RecordQueries.searchPageQuery(Customer.COLUMNS, "customers", "active", "qzxv", null, 51);

		assertThat(plan(rare.sql(), rare.params().toArray())).contains("Bitmap Index Scan on customers_search")
			.doesNotContain("Seq Scan");
	}

	/** The plan on a store of 30,000 customers (one in twenty a Johnson), rolled back afterwards. */
	private String plan(String sql, Object... params) {
		List<String> lines = transaction.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("""
					INSERT INTO customers (name, email, phone)
					SELECT CASE WHEN g % 20 = 0 THEN 'Filler Johnson ' ELSE 'Filler Smith ' END || g,
					       'filler' || g || '@example.com', '+44 7' || lpad((g * 7919 % 1000000000)::text, 9, '0')
					FROM generate_series(1, 30000) AS g""").update();
			jdbc.sql("ANALYZE customers").update();
			return jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list();
		});
		return String.join("\n", lines);
	}

}
