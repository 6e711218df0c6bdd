package org.backroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report's page stays a page however big the store: a month of sales by customer at a million customers is 84,000
 * rows, which as one page was 30 MB of HTML. The page shows the largest rows, says how many there are and where
 * all of them are; its total is still the total of every row.
 */
@BackroomTest
class ReportPageTests extends ApiTest {

	private static final Pattern ROW = Pattern.compile("<tr class=\"active\">");

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMonthOfManyCustomersShowsTheLargestAndTotalsThemAll() {
		int customers = ReportPages.SHOWN + 1;
		// A month long ago, which no other test sells in: each customer one order, the later the name the larger.
		jdbc.sql("""
				WITH made AS (INSERT INTO customers (name)
				              SELECT 'Report row ' || lpad(g::text, 4, '0') FROM generate_series(1, ?) AS g
				              RETURNING id, name)
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT id, name, 'CASH', 100 + CAST(substr(name, 12) AS int), 'admin', timestamptz '2003-03-10 12:00Z'
				FROM made""").param(customers).update();
		try {
			String period = "from=2003-03-01&to=2003-04-01";
			JsonNode report = api.get("/api/reports/sales-by-customer?" + period).json();
			assertThat(report.path("rows").size()).isEqualTo(customers);

			String page = api.get("/reports?report=sales-by-customer&" + period).body();

			assertThat(ROW.matcher(page).results().count()).isEqualTo(ReportPages.SHOWN);
			assertThat(page).contains(String.format("Report row %04d", customers)).doesNotContain("Report row 0001")
				.contains("The " + ReportPages.SHOWN + " largest of " + customers + " rows");
			assertThat(page).containsPattern("id=\"report-total\"[^>]*>" + Pattern.quote(
					new BigDecimal(report.path("total").asString()).toPlainString()) + "<");
		}
		finally {
			// Dormant since 2003, they would be in every other test's dormant-customer review.
			jdbc.sql("DELETE FROM sales_orders WHERE created_at = timestamptz '2003-03-10 12:00Z'").update();
			jdbc.sql("DELETE FROM customers WHERE name LIKE 'Report row %'").update();
		}
	}

}
