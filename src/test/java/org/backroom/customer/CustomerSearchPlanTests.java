package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.QueryPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * At scale, a search that matches many customers walks the name index of its status filter, which carries the
 * search column (V18_1), index only, and stops at the page's end; a rare one finds its few matches through the
 * trigram index and sorts only those. The picker first reads the prefixes of names, codes and emails from their
 * own indexes (V55) and stops at a page, and searches as the list does only when those are fewer. Read from what
 * the very queries of the list and the picker executed, on a store of 100,000 customers, large enough that the
 * planner would otherwise scan the table.
 */
@BackroomTest
class CustomerSearchPlanTests extends ApiTest {

	// Either name index that carries the search column serves the active filter, as the planner prefers; the trash
	// is small enough that its own index (customers_trash) may serve it whole.
	private static final Map<String, String> NAME_INDEX = Map.of("active",
			"customers_(active_by_name|by_status_name)_search", "all",
			"customers_listed_by_name_search", "inactive", "customers_by_status_name_search", "deleted",
			"(customers_by_status_name_search|customers_trash)");

	private static QueryPlans.Store store;

	@BeforeAll
	static void fill(@Autowired DataSource dataSource) {
		store = QueryPlans.filled(dataSource, FILL);
	}

	@AfterAll
	static void rollBack() {
		if (store != null) {
			store.close();
		}
	}

	@Test
	void aCommonSearchWalksTheNameIndexOfItsFilterAndStopsAtThePageEnd() {
		Map<String, RecordQueries.Query> pages = new LinkedHashMap<>();
		NAME_INDEX.keySet().forEach(filter -> pages.put(filter,
				RecordQueries.searchPageQuery(Customer.COLUMNS, "customers", filter, "johns", null, 51)));
		pages.put("picker", Customers.lookupQuery("ohnso", RecordQueries.LOOKUP_LIMIT));

		Map<String, String> plans = plans(pages);

		NAME_INDEX.forEach((filter, index) -> assertThat(plans.get(filter)).as(filter)
			.containsPattern("Index (Only )?Scan using " + index + " .*\\(actual .*rows=")
			.containsPattern("CTE rare\n.*\n.*One-Time Filter")
			.doesNotContainPattern("Seq Scan .*\\(actual"));
		assertThat(plans.get("picker")).containsPattern("Index Only Scan using " + NAME_INDEX.get("active") + " .*\\(actual")
			.contains("customers_system")
			.doesNotContainPattern("Seq Scan .*\\(actual");
	}

	@Test
	void thePickerFindsPrefixesOfNamesCodesAndEmailsThroughTheirIndexesAndStopsAtAPage() {
		Map<String, RecordQueries.Query> lookups = new LinkedHashMap<>();
		lookups.put("customers_picker_name", Customers.lookupQuery("fille", RecordQueries.LOOKUP_LIMIT));
		lookups.put("customers_picker_second_word", Customers.lookupQuery("Johns", RecordQueries.LOOKUP_LIMIT));
		lookups.put("customers_picker_email", Customers.lookupQuery("filler1", RecordQueries.LOOKUP_LIMIT));
		lookups.put("customers_picker_code", Customers.lookupQuery("c", RecordQueries.LOOKUP_LIMIT));

		Map<String, String> plans = plans(lookups);

		plans.forEach((index, plan) -> assertThat(plan).as(index)
			.containsPattern("Index Scan using " + index + " on customers .*\\(actual .*rows=20 ")
			// The other matches are not looked for: a page of prefixes was found.
			.containsPattern("CTE others\n\\s+->  Result \\(actual [^\n]*rows=0 loops=1\\)\n\\s+One-Time Filter")
			.doesNotContainPattern("Index Only Scan using customers_\\w+_search .*\\(actual")
			.doesNotContainPattern("Seq Scan .*\\(actual"));
	}

	@Test
	void aRareSearchFindsItsFewMatchesThroughTheTrigramIndex() {
		Map<String, RecordQueries.Query> pages = new LinkedHashMap<>();
		NAME_INDEX.keySet().forEach(filter -> pages.put(filter,
				RecordQueries.searchPageQuery(Customer.COLUMNS, "customers", filter, "qzxv", null, 51)));
		pages.put("picker", Customers.lookupQuery("qzxv", RecordQueries.LOOKUP_LIMIT));

		Map<String, String> plans = plans(pages);

		// The trash is small enough that its own index (customers_trash) serves it whole.
		plans.forEach((filter, plan) -> assertThat(plan).as(filter)
			.containsPattern(filter.equals("deleted") ? "Index Scan using customers_trash .*\\(actual"
					: filter.equals("picker") ? "Function Scan on picker_matches \\(actual"
							: "Bitmap Index Scan on customers_search(_active)? \\(actual .*rows=")
			.doesNotContainPattern("Seq Scan .*\\(actual"));
	}

	/**
	 * Five digits of one phone: a handful of the 100,000 customers have them. The picker finds them from the trigram
	 * index and reads a few pages; in one statement, the planner took such a pattern for a common one and read the
	 * table in id order until a page of matches turned up, a million customers' worth at scale.
	 */
	@Test
	void thePickerFindsAFewRareMatchesFromTheTrigramIndexWithoutReadingTheTable() {
		// Filler 4242's phone is +44 7033592398.
		Map<String, String> plans = store
			.executedWithPages(Map.of("picker", Customers.lookupQuery("35923", RecordQueries.LOOKUP_LIMIT)));

		// The 100,000 customers fill about 2,000 pages; the index's posting lists, the few rows and the function's
		// planning read under 200.
		assertThat(QueryPlans.pagesOfFunction(plans.get("picker"), "picker_matches")).as(plans.get("picker"))
			.isLessThan(400);
		assertThat(plans.get("picker")).containsPattern("Function Scan on picker_matches \\(actual [^\\n]*rows=[1-9]");
	}

	/**
	 * A cashier's keystrokes are not each planned afresh ({@code PickerQuery#VALUE}): the lookup, run as the
	 * application runs it on one connection, term after term, is planned with the values for its first runs only, and
	 * PostgreSQL keeps its generic plan from then on. Given the values, the planner found each custom plan cheaper
	 * and planned every lookup again, 2.2 ms each at a million customers.
	 */
	@Test
	void aLookupIsPlannedForItsFirstRunsOnlyThenServedByItsGenericPlan() {
		List<String> terms = List.of("Johns", "ohnso", "35923", "Smith", "filler", "ohn", "mith", "7919", "Fill", "son",
				"Smi", "ler", "Joh", "4 7");
		QueryPlans.Plans plans = store.planned(Customers.lookupQuery("x", RecordQueries.LOOKUP_LIMIT).sql(), onStore -> {
			Customers customers = new Customers(onStore);
			// Each answer as a picker must give it: customers that contain what was typed.
			terms.forEach(term -> assertThat(customers.lookup(term, RecordQueries.LOOKUP_LIMIT)).as(term)
				.isNotEmpty()
				.allSatisfy(found -> assertThat(String.join(" ", found.name(), found.code(),
						String.valueOf(found.email()), String.valueOf(found.phone())).toLowerCase(Locale.ROOT))
					.contains(term.toLowerCase(Locale.ROOT))));
		});
		// The driver prepares the statement on the server from its fifth run (prepareThreshold); PostgreSQL plans five
		// runs with their values, then compares, and plans no more.
		assertThat(plans.custom()).as(plans.toString()).isEqualTo(5);
		assertThat(plans.generic()).as(plans.toString()).isGreaterThanOrEqualTo(terms.size() - 4 - 5);
	}

	/**
	 * That generic plan, made without the typed values, still reads prefixes from their indexes, walks the names and
	 * asks {@code picker_matches} for rare ones, and never scans the table.
	 */
	@Test
	void thePickerPlannedWithoutTheTypedValuesStillReadsItsIndexes() {
		// One prepared statement, as the connection keeps it, run with each term under its generic plan.
		RecordQueries.Query shape = Customers.lookupQuery("x", RecordQueries.LOOKUP_LIMIT);
		String prepared = QueryPlans.numbered(shape.sql());
		List<String> fill = List.of("SET LOCAL plan_cache_mode = force_generic_plan", "PREPARE picker AS " + prepared);
		Map<String, RecordQueries.Query> lookups = new LinkedHashMap<>();
		for (String term : List.of("Johns", "ohnso", "35923")) {
			String values = Customers.lookupQuery(term, RecordQueries.LOOKUP_LIMIT)
				.params()
				.stream()
				.map(value -> "'" + String.valueOf(value).replace("'", "''") + "'")
				.collect(Collectors.joining(", "));
			lookups.put(term.equals("Johns") ? "prefix" : term.equals("ohnso") ? "common" : "rare",
					new RecordQueries.Query("EXECUTE picker(" + values + ")", List.of()));
		}

		Map<String, String> plans;
		try {
			plans = store.executed(fill, lookups);
		}
		finally {
			store.executed(List.of("DEALLOCATE picker"), Map.of());
		}

		assertThat(plans.get("prefix")).containsPattern("Index Scan using customers_picker_second_word .*\\(actual .*rows=20 ");
		assertThat(plans.get("common"))
			.containsPattern("Index Only Scan using " + NAME_INDEX.get("active") + " .*\\(actual");
		assertThat(plans.get("rare")).containsPattern("Function Scan on picker_matches \\(actual [^\\n]*rows=[1-9]");
		plans.forEach((term, plan) -> assertThat(plan).as(term).doesNotContainPattern("Seq Scan .*\\(actual"));
	}

	/**
	 * What each query executed on the store of 100,000 customers more (three in ten inactive, one in ten in the trash,
	 * three in ten Johnsons), rolled back afterwards: the filters hold more than a walk reads.
	 */
	private Map<String, String> plans(Map<String, RecordQueries.Query> queries) {
		return store.executed(List.of(), queries);
	}

	private static final List<String> FILL = List.of("""
				INSERT INTO customers (name, email, phone, status, status_reason, status_changed_at)
				SELECT CASE WHEN g % 4 = 3 OR g % 20 = 0 THEN 'Filler Johnson ' ELSE 'Filler Smith ' END || g,
				       'filler' || g || '@example.com', '+44 7' || lpad((g * 7919 % 1000000000)::text, 9, '0'),
				       CASE WHEN g % 10 IN (3, 4, 5) THEN 'INACTIVE' WHEN g % 10 = 7 THEN 'DELETED' ELSE 'ACTIVE' END,
				       CASE WHEN g % 10 IN (3, 4, 5, 7) THEN 'generated' END, CASE WHEN g % 10 IN (3, 4, 5, 7) THEN now() END
				FROM generate_series(1, 100000) AS g""", "ANALYZE customers");

}
