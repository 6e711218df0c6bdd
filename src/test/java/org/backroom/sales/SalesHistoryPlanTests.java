package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.QueryPlans;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of a long history costs a page: a regular customer's orders, the sales of a cashier who left long ago and
 * an item's latest sale lines are each read newest first from an index on their key and stop after the page, among
 * 60,000 recent orders of others. Before, a page of the customer's 5,000 orders sorted all of them (or walked every
 * order's time index back), and an item's latest lines joined each of the item's lines to its order first.
 */
@BackroomTest
class SalesHistoryPlanTests extends ApiTest {

	private static final int PAGE = 51;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aPageOfLongHistoriesReadsAPageFromTheirIndexes() {
		long regular = customer(api, "Regular for years").path("id").asLong();
		long merged = customer(api, "Merged into the regular").path("id").asLong();
		long item = item(api, "Green tea 50 bags", "4.50").path("id").asLong();
		long otherItem = item(api, "Black tea 50 bags", "4.00").path("id").asLong();
		long owner = jdbc.sql("SELECT id FROM staff WHERE username = 'admin'").query(Long.class).single();
		String walkIn = "(SELECT id FROM customers WHERE is_system)";
		List<String> fill = List.of("""
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT %d, 'Regular for years', 'CASH', 1.00, 'history plan', now() - g * interval '1 hour'
				FROM generate_series(1, 5000) AS g""".formatted(regular), """
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT %d, 'Merged into the regular', 'CASH', 1.00, 'history plan', now() - interval '3 years' - g * interval '1 day'
				FROM generate_series(1, 300) AS g""".formatted(merged), """
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, processed_by,
				                          created_at)
				SELECT %s, 'Walk-in customer', 'CASH', 1.00, 'history plan', %d, now() - interval '2 years' - g * interval '1 hour'
				FROM generate_series(1, 300) AS g""".formatted(walkIn, owner), """
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT %s, 'Walk-in customer', 'CASH', 1.00, 'history plan', now() - g * interval '1 minute'
				FROM generate_series(1, 60000) AS g""".formatted(walkIn), """
				INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, line_total)
				SELECT o.id, 1, %d, 'TEA-50', 'Green tea 50 bags', 1, 4.50, 4.50
				FROM sales_orders o WHERE o.customer_id = %d""".formatted(item, regular), """
				INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, line_total)
				SELECT o.id, 1, %d, 'BLACK-50', 'Black tea 50 bags', 1, 4.00, 4.00
				FROM sales_orders o WHERE o.created_by = 'history plan' AND o.customer_id <> %d""".formatted(otherItem,
						regular),
				"ANALYZE sales_orders", "ANALYZE sales_order_lines");
		Cursor afterFirstPage = new Cursor(jdbc.sql("SELECT now() - interval '51 hours'").query(String.class).single(),
				Long.MAX_VALUE);

		Map<String, String> plans = QueryPlans.executed(jdbc, transaction, fill, Map.of(
				"a customer and the one merged into it",
				SalesOrders.listQuery(List.of(regular, merged), null, null, PAGE),
				"their next page", SalesOrders.listQuery(List.of(regular, merged), null, afterFirstPage, PAGE),
				"one customer", SalesOrders.listQuery(List.of(regular), null, null, PAGE),
				"a cashier who left long ago", SalesOrders.listQuery(null, owner, null, PAGE),
				"every sale", SalesOrders.listQuery(null, null, null, PAGE),
				"an item's latest sale lines", SalesOrders.salesOfQuery(item, 25)));

		assertThat(plans.get("a customer and the one merged into it"))
			.contains("Index Scan Backward using sales_orders_by_customer_covering");
		assertThat(plans.get("a cashier who left long ago"))
			.contains("Index Scan Backward using sales_orders_by_staff_newest");
		assertThat(plans.get("every sale")).contains("Index Scan Backward using sales_orders_by_created_covering");
		assertThat(plans.get("an item's latest sale lines")).contains("Index Scan using sales_order_lines_by_item_newest");
		plans.forEach((name, plan) -> {
			assertThat(plan).as(name).doesNotContainPattern(Pattern.compile("Seq Scan on sales_order"));
			assertThat(QueryPlans.mostRowsOfAnyStep(plan)).as(name + ":\n" + plan).isLessThanOrEqualTo(2 * PAGE);
		});
	}

	@Test
	void anItemsPageShowsItsLatestSalesFirst() {
		long item = item(api, "Oolong 20 bags", "6.00").path("id").asLong();
		long buyer = customer(api, "Tea lover").path("id").asLong();
		List<String> numbers = List.of(sold(api, buyer, "CASH", line(item, 1)).path("number").asString(),
				sold(api, buyer, "CASH", line(item, 2)).path("number").asString(),
				sold(api, buyer, "CASH", line(item, 3)).path("number").asString());

		String lines = api.get("/sales/lines?itemId=" + item).body();

		assertThat(lines).containsSubsequence(numbers.get(2), numbers.get(1), numbers.get(0));
	}

	@Test
	void aCustomersHistoryPagesNewestFirstAcrossTheCustomersMergedIntoIt() {
		long first = customer(api, "History A").path("id").asLong();
		long second = customer(api, "History B").path("id").asLong();
		long item = item(api, "Jasmine 20 bags", "5.00").path("id").asLong();
		// Their sales interleave: A, B, A, B, A.
		List<Long> sold = new ArrayList<>();
		for (long buyer : List.of(first, second, first, second, first)) {
			sold.add(sold(api, buyer, "CASH", line(item, 1)).path("id").asLong());
		}

		List<Long> pageOne = page(List.of(first, second), null);
		List<Long> pageTwo = page(List.of(first, second), after(pageOne));
		List<Long> pageThree = page(List.of(first, second), after(pageTwo));

		assertThat(pageOne).containsExactly(sold.get(4), sold.get(3));
		assertThat(pageTwo).containsExactly(sold.get(2), sold.get(1));
		assertThat(pageThree).containsExactly(sold.get(0));
	}

	private List<Long> page(List<Long> customers, @Nullable Cursor after) {
		RecordQueries.Query query = SalesOrders.listQuery(customers, null, after, 2);
		return jdbc.sql(query.sql()).params(query.params()).query((rs, row) -> rs.getLong("id")).list();
	}

	/** Where the next page starts, as the list's cursor names it: the last order's time and id. */
	private Cursor after(List<Long> page) {
		long last = page.get(page.size() - 1);
		return new Cursor(jdbc.sql("SELECT CAST(created_at AS text) FROM sales_orders WHERE id = ?").param(last)
			.query(String.class).single(), last);
	}

}
