package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;

import java.time.Duration;
import java.util.List;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newest history is read from its indexes alone soon after it is written, not months later: a store's sales
 * lines are vacuumed after 1,000 + 1% new ones (V66), where PostgreSQL waits for 1,000 + 20%. Until a vacuum marks
 * their pages all-visible, an item's impact preview, which counts its lines newest first, fetched each one from the
 * table as well.
 */
@BackroomTest
class HistoryVacuumTests extends ApiTest {

	private static final String COUNT = "SELECT count(*) FROM (SELECT 1 FROM sales_order_lines WHERE item_id = ? LIMIT 1001) AS d";

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void lookAtTheUsualPace() {
		jdbc.sql("ALTER SYSTEM RESET autovacuum_naptime").update();
		jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
	}

	@Test
	void anItemsNewestLinesAreCountedFromTheIndexAloneAfterAFewThousandSales() throws InterruptedException {
		long regular = customer(api, "Buys tea every day").path("id").asLong();
		long tea = item(api, "Green tea 50 bags", "4.50").path("id").asLong();
		long coffee = item(api, "Ground coffee 250 g", "4.50").path("id").asLong();
		// Years of history, vacuumed: every page all-visible, and its size known to autovacuum. The orders are
		// analyzed too, so that no automatic ANALYZE of them (whose snapshot a vacuum must respect) runs below.
		sell(regular, coffee, 20_000, "years ago");
		jdbc.sql("VACUUM (ANALYZE) sales_orders, sales_order_lines").update();
		long history = jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE relname = 'sales_order_lines'")
			.query(Long.class)
			.single();
		long vacuums = autovacuums();

		// A few days of sales: more than 1,000 + 1% of the history, far fewer than PostgreSQL's 1,000 + 20%.
		long orders = (1_000 + history / 100) / 10 + 300;
		assertThat(orders * 10).isLessThan(1_000 + history / 5);
		sell(regular, tea, orders, "this week");
		assertThat(countPlan(tea)).as("the new lines' pages are not yet all-visible")
			.contains("Index Only Scan")
			.doesNotContain("Heap Fetches: 0");
		// Only now does the launcher look every second instead of every minute (so that it cannot pass before the
		// look above); what it finds to do is decided by the store's thresholds.
		jdbc.sql("ALTER SYSTEM SET autovacuum_naptime = '1s'").update();
		jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();

		// A store keeps selling: a vacuum that ran while a transaction older than the week's sales was still open
		// leaves their pages unmarked, and the next week's sales bring the next vacuum. Three weeks at most: still
		// fewer new lines than PostgreSQL's threshold.
		assertThat(3 * orders * 10).isLessThan(1_000 + history / 5);
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		long visits = vacuums;
		int weeks = 1;
		while (!countPlan(tea).contains("Heap Fetches: 0") && System.nanoTime() < deadline) {
			if (autovacuums() > visits) {
				visits = autovacuums();
				if (weeks < 3) {
					sell(regular, tea, orders, "week " + ++weeks);
				}
			}
			Thread.sleep(200);
		}
		assertThat(autovacuums()).as("autovacuum visited the sales lines").isGreaterThan(vacuums);
		assertThat(countPlan(tea)).contains("Index Only Scan").contains("Heap Fetches: 0");
	}

	/** {@code orders} sales of ten lines of the item each (its name on the lines does not matter here). */
	private void sell(long customer, long item, long orders, String when) {
		jdbc.sql("""
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by)
				SELECT ?, 'Buys tea every day', 'CASH', 45.00, ? FROM generate_series(1, ?)""")
			.params(customer, when, orders)
			.update();
		jdbc.sql("""
				INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, line_total)
				SELECT o.id, l, ?, 'TEA-50', 'Green tea 50 bags', 1, 4.50, 4.50
				FROM sales_orders o CROSS JOIN generate_series(1, 10) AS l WHERE o.created_by = ?""")
			.params(item, when)
			.update();
	}

	private long autovacuums() {
		return jdbc.sql("SELECT autovacuum_count FROM pg_stat_user_tables WHERE relname = 'sales_order_lines'")
			.query(Long.class)
			.single();
	}

	private String countPlan(long item) {
		List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + COUNT).param(item).query(String.class).list();
		return String.join("\n", plan);
	}

}
