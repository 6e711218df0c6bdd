package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.QueryPlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Items are searched as customers are: a common search walks the name index of its filter that carries the search
 * column (V30), index only, and stops at the page's end; a rare one goes through the trigram index. The picker
 * first reads prefixes of names, SKUs and barcodes from their own indexes (V55). Read from what the list and the
 * picker executed on a catalogue of 40,000 items.
 */
@BackroomTest
class ItemSearchPlanTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Test
	void aCommonSearchWalksTheNameIndexAndARareOneTheTrigramIndex() {
		Map<String, RecordQueries.Query> queries = new LinkedHashMap<>();
		queries.put("list, common", RecordQueries.searchPageQuery(Items.LISTED, "items", "all", "tea", null, 51));
		queries.put("picker, common", ItemLookups.lookupQuery("biscu"));
		queries.put("list, rare", RecordQueries.searchPageQuery(Items.LISTED, "items", "all", "qzxv", null, 51));
		queries.put("picker, rare", ItemLookups.lookupQuery("qzxv"));

		Map<String, String> plans = plans(queries);

		assertThat(plans.get("list, common")).containsPattern("Index Only Scan using items_listed_by_name_search .*\\(actual");
		assertThat(plans.get("picker, common"))
			.containsPattern("Index Only Scan using items_(active_by_name|by_status_name)_search .*\\(actual");
		assertThat(plans.get("list, rare")).containsPattern("Bitmap Index Scan on items_search(_active)? \\(actual");
		// Read from the trigram index inside picker_matches (V59), which can read nothing else.
		assertThat(plans.get("picker, rare")).containsPattern("Function Scan on picker_matches \\(actual");
		plans.forEach((query, plan) -> assertThat(plan).as(query).doesNotContainPattern("Seq Scan .*\\(actual"));
	}

	@Test
	void thePickerFindsPrefixesOfNamesSkusAndBarcodesThroughTheirIndexesAndStopsAtAPage() {
		Map<String, RecordQueries.Query> lookups = new LinkedHashMap<>();
		lookups.put("items_picker_name", ItemLookups.lookupQuery("Green t"));
		lookups.put("items_picker_sku", ItemLookups.lookupQuery("plan-1"));
		lookups.put("items_picker_barcode", ItemLookups.lookupQuery("770000000"));

		Map<String, String> plans = plans(lookups);

		// With 400 barcodes in all, the planner may as well read the barcode prefixes from the merge's barcode index
		// (V54), which holds only items with a barcode.
		plans.forEach((index, plan) -> assertThat(plan).as(index)
			.containsPattern("Index Scan using "
					+ (index.equals("items_picker_barcode") ? "items_(picker|duplicate)_barcode" : index)
					+ " on items.*\\(actual")
			.containsPattern("CTE prefix\n\\s+->  Limit \\(actual [^\n]*rows=20 ")
			// The other matches are not looked for: a page of prefixes was found.
			.containsPattern("CTE others\n\\s+->  Result \\(actual [^\n]*rows=0 loops=1\\)\n\\s+One-Time Filter")
			.doesNotContainPattern("Seq Scan .*\\(actual"));
	}

	/**
	 * A cashier's keystrokes in the item picker are not each planned afresh either ({@code PickerQuery#VALUE}): run
	 * as the application runs it, term after term on one connection, the lookup is planned with its values for its
	 * first runs only (see {@code CustomerSearchPlanTests} for why the statement starts afresh).
	 */
	@Test
	void anItemLookupIsPlannedForItsFirstRunsOnlyThenServedByItsGenericPlan() {
		List<String> terms = List.of("Green", "biscu", "plan-1", "770000000", "tea", "Oat", "uits", "lan-2", "reen",
				"scui", "PLAN", "a 4", "en t", "77");
		QueryPlans.Plans plans;
		try (QueryPlans.Store store = QueryPlans.filled(dataSource, FILL)) {
			plans = store.planned(ItemLookups.lookupQuery("x").sql(), onStore -> {
				ItemLookups lookups = new ItemLookups(onStore);
				terms.forEach(term -> assertThat(lookups.lookup(term)).as(term)
					.isNotEmpty()
					.allSatisfy(found -> assertThat(String.join(" ", found.sku(), found.name(),
							String.valueOf(found.barcode())).toLowerCase(Locale.ROOT))
						.contains(term.toLowerCase(Locale.ROOT))));
			});
		}
		assertThat(plans.custom()).as(plans.toString()).isEqualTo(5);
		assertThat(plans.generic()).as(plans.toString()).isGreaterThanOrEqualTo(terms.size() - 4 - 5);
	}

	/** What each query executed with 40,000 items more (one in four a tea, one in a hundred with a barcode), rolled back. */
	private Map<String, String> plans(Map<String, RecordQueries.Query> queries) {
		// From a catalogue as autovacuum keeps it, not as the tests before happened to leave it: in one full build of
		// three, after other tests' catalogues were written and rolled back, the planner scanned the table for a rare
		// search.
		jdbc.sql("VACUUM (ANALYZE) items").update();
		return QueryPlans.executed(jdbc, transaction, FILL, queries);
	}

	private static final List<String> FILL = List.of("""
				INSERT INTO items (sku, name, barcode, price)
				SELECT 'PLAN-' || g, CASE WHEN g % 4 = 0 THEN 'Green tea ' ELSE 'Oat biscuits ' END || g,
				       CASE WHEN g % 100 = 0 THEN '77' || lpad(g::text, 11, '0') END, 1
				FROM generate_series(1, 40000) AS g""", "ANALYZE items");

}
