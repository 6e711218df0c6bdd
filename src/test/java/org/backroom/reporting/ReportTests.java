package org.backroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports over March 2001: the sales made here are moved into that month, so that no other test's sales fall in
 * the period and every figure can be checked exactly.
 */
@BackroomTest
class ReportTests extends ApiTest {

	static final String PERIOD = "from=2001-03-01&to=2001-04-01";

	static final String COMMA_QUOTE = "Smith, \"Jo\"";

	static final String TWO_LINES = "Line one\nline two";

	static final String NON_ASCII = "Zoë Ærøskøbing 山田";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	private static Fixture fixture;

	record Fixture(Map<String, Long> customers, long tea, long coffee, long cashierId, String cashier) {
	}

	@BeforeEach
	void salesInMarch2001() {
		if (fixture != null) {
			return;
		}
		Map<String, Long> customers = new HashMap<>();
		for (String name : List.of(COMMA_QUOTE, TWO_LINES, NON_ASCII, "Dormant Deactivated", "Trashed Tom", "Purged Pam")) {
			customers.put(name, api.post("/api/customers", Map.of("name", name)).json().path("id").asLong());
		}
		long tea = item("RPT-TEA", "Tea, \"green\"");
		long coffee = item("RPT-COF", "Café crème");
		Api cashier = staffWithRole("Cashier");
		JsonNode me = cashier.get("/api/me").json();
		List<Long> orders = new ArrayList<>();
		customers.values().forEach(id -> orders.add(sale(api, id, tea, 2, coffee, 1)));
		orders.add(sale(cashier, customers.get(NON_ASCII), coffee, 3, tea, 1));
		orders.add(sale(cashier, null, tea, 1, coffee, 1));
		// Into March 2001, where only this test's sales are.
		jdbc.sql("UPDATE sales_orders SET created_at = timestamptz '2001-03-10 12:00Z' + id * interval '1 minute' WHERE id IN (:ids)")
			.param("ids", orders)
			.update();
		api.post("/api/customers/" + customers.get("Dormant Deactivated") + "/deactivate", Map.of("reason", "moved"));
		api.post("/api/items/" + coffee + "/deactivate", Map.of("reason", "no longer stocked"));
		api.post("/api/staff/" + me.path("id").asLong() + "/deactivate", Map.of("reason", "left the shop"));
		// Deleting or purging a customer with orders is refused by the lifecycle and the foreign keys; these rows
		// are changed behind the application's back to show that a report keeps such a record's history anyway.
		jdbc.sql("UPDATE customers SET status = 'DELETED', status_changed_at = now() WHERE id = ?").param(customers.get("Trashed Tom")).update();
		purge("customers", customers.get("Purged Pam"));
		jdbc.sql("UPDATE sales_orders SET created_by = 'gone.user' WHERE id = ?").param(orders.get(0)).update();
		fixture = new Fixture(customers, tea, coffee, me.path("id").asLong(), me.path("username").asString());
	}

	@Test
	void salesByCustomerKeepsInactiveDeletedAndPurgedCustomersWithTheirStatus() {
		JsonNode report = api.get("/api/reports/sales-by-customer?" + PERIOD).json();
		assertThat(report.path("from").asString()).isEqualTo("2001-03-01");
		assertThat(report.path("to").asString()).isEqualTo("2001-04-01");
		Map<String, JsonNode> rows = byName(report);
		assertThat(rows.get("Dormant Deactivated").path("status").asString()).isEqualTo("INACTIVE");
		assertThat(rows.get("Trashed Tom").path("status").asString()).isEqualTo("DELETED");
		assertThat(rows.get("Purged Pam").path("status").asString()).isEqualTo("PURGED");
		assertThat(rows.get("Purged Pam").path("id").asLong()).isEqualTo(fixture.customers().get("Purged Pam"));
		assertThat(rows.get(NON_ASCII).path("orders").asLong()).isEqualTo(2);
		assertThat(rows.get(NON_ASCII).path("quantity").asLong()).isEqualTo(7);
		assertThat(rows.get("Walk-in customer").path("orders").asLong()).isEqualTo(1);
		assertThat(rows).hasSize(7);
	}

	@Test
	void salesByItemAndByStaffKeepInactiveAndGoneRecords() {
		Map<String, JsonNode> items = byName(api.get("/api/reports/sales-by-item?" + PERIOD).json());
		assertThat(items.get("Café crème").path("status").asString()).isEqualTo("INACTIVE");
		assertThat(items.get("Café crème").path("code").asString()).isEqualTo("RPT-COF");
		assertThat(items.get("Café crème").path("quantity").asLong()).isEqualTo(6 + 3 + 1);
		assertThat(items.get("Tea, \"green\"").path("orders").asLong()).isEqualTo(8);

		Map<String, JsonNode> staff = byCode(api.get("/api/reports/sales-by-staff?" + PERIOD).json());
		assertThat(staff.get(fixture.cashier()).path("status").asString()).isEqualTo("INACTIVE");
		assertThat(staff.get(fixture.cashier()).path("id").asLong()).isEqualTo(fixture.cashierId());
		assertThat(staff.get(fixture.cashier()).path("orders").asLong()).isEqualTo(2);
		assertThat(staff.get("gone.user").path("status").asString()).isEqualTo("PURGED");
		assertThat(staff.get("gone.user").path("id").isNull()).isTrue();
		assertThat(staff.get("admin").path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void everyReportReconcilesExactlyWithTheOrders() {
		Map<String, Object> orders = jdbc.sql("""
				SELECT count(*) AS orders, sum(total) AS total,
				       (SELECT sum(l.quantity) FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
				        WHERE o.created_at >= '2001-03-01Z' AND o.created_at < '2001-04-01Z') AS quantity
				FROM sales_orders WHERE created_at >= '2001-03-01Z' AND created_at < '2001-04-01Z'""")
			.query().singleRow();
		BigDecimal total = (BigDecimal) orders.get("total");
		for (String report : List.of("sales-by-customer", "sales-by-item", "sales-by-staff")) {
			JsonNode json = api.get("/api/reports/" + report + "?" + PERIOD).json();
			BigDecimal sumOfRows = BigDecimal.ZERO;
			long quantity = 0;
			for (JsonNode row : json.path("rows")) {
				sumOfRows = sumOfRows.add(new BigDecimal(row.path("total").asString()));
				quantity += row.path("quantity").asLong();
			}
			assertThat(sumOfRows).as(report).isEqualByComparingTo(total);
			assertThat(new BigDecimal(json.path("total").asString())).as(report).isEqualByComparingTo(total);
			assertThat(quantity).as(report).isEqualTo(((Number) orders.get("quantity")).longValue());
		}
		long orderCount = 0;
		for (JsonNode row : api.get("/api/reports/sales-by-customer?" + PERIOD).json().path("rows")) {
			orderCount += row.path("orders").asLong();
		}
		assertThat(orderCount).isEqualTo(((Number) orders.get("orders")).longValue());
	}

	@Test
	void csvIsCorrectWhateverTheNamesHoldAndMatchesTheJson() {
		var byParameter = api.get("/api/reports/sales-by-customer?format=csv&" + PERIOD);
		var byAccept = api.get("/api/reports/sales-by-customer?" + PERIOD, "Accept", "text/csv");
		assertThat(byParameter.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("utf-8");
		assertThat(byParameter.header("Content-Disposition")).contains("attachment");
		assertThat(byAccept.body()).isEqualTo(byParameter.body());

		List<List<String>> lines = Csv.parse(byParameter.body());
		assertThat(lines.get(0)).containsExactly("id", "code", "name", "status", "orders", "quantity", "total");
		JsonNode json = api.get("/api/reports/sales-by-customer?" + PERIOD).json();
		assertThat(lines).hasSize(json.path("rows").size() + 1);
		for (int i = 0; i < json.path("rows").size(); i++) {
			JsonNode row = json.path("rows").get(i);
			List<String> line = lines.get(i + 1);
			assertThat(line).containsExactly(row.path("id").asString(), row.path("code").asString(""),
					row.path("name").asString(), row.path("status").asString(), row.path("orders").asString(),
					row.path("quantity").asString(), row.path("total").asString());
		}
		List<String> names = lines.stream().map(line -> line.get(2)).toList();
		assertThat(names).contains(COMMA_QUOTE, TWO_LINES, NON_ASCII);
	}

	@Test
	void badPeriodsAreValidationProblems() {
		for (String query : List.of("from=2001-04-01&to=2001-03-01", "from=yesterday", "format=xml")) {
			var answer = api.get("/api/reports/sales-by-item?" + query);
			assertThat(answer.status()).as(query).isEqualTo(422);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void withoutDatesAReportCoversTheCurrentMonth() {
		JsonNode report = api.get("/api/reports/purchases-by-supplier").json();
		java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1);
		assertThat(report.path("from").asString()).isEqualTo(first.toString());
		assertThat(report.path("to").asString()).isEqualTo(first.plusMonths(1).toString());
	}

	@Test
	void aCashierCannotReadReports() {
		var answer = staffWithRole("Cashier").get("/api/reports/sales-by-staff?format=csv");
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.json().path("missingPermission").asString()).isEqualTo("report.view");
	}

	private long item(String sku, String name) {
		return api.post("/api/items", Map.of("sku", sku, "name", name, "price", "2.50")).json().path("id").asLong();
	}

	private static long sale(Api as, Long customerId, long item, int quantity, long other, int otherQuantity) {
		Map<String, Object> sale = new HashMap<>();
		sale.put("payment", "CASH");
		if (customerId != null) {
			sale.put("customerId", customerId);
		}
		sale.put("lines", List.of(Map.of("itemId", item, "quantity", quantity), Map.of("itemId", other, "quantity",
				otherQuantity, "discount", "0.30")));
		var created = as.post("/api/sales-orders", sale);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** Removes a row its orders still point to, as no path of the application can: foreign keys off for once. */
	private void purge(String table, long id) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SET LOCAL session_replication_role = replica").update();
			jdbc.sql("DELETE FROM " + table + " WHERE id = ?").param(id).update();
		});
	}

	private static Map<String, JsonNode> byName(JsonNode report) {
		Map<String, JsonNode> rows = new HashMap<>();
		report.path("rows").forEach(row -> rows.put(row.path("name").asString(), row));
		return rows;
	}

	private static Map<String, JsonNode> byCode(JsonNode report) {
		Map<String, JsonNode> rows = new HashMap<>();
		report.path("rows").forEach(row -> rows.put(row.path("code").asString(), row));
		return rows;
	}

}
