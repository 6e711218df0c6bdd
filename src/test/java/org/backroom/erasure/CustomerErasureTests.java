package org.backroom.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasing a customer with two years of orders: every report over those years adds up as before, and the name,
 * e-mail and phone are nowhere in the database any more, while the audit chain still verifies.
 */
@BackroomTest
class CustomerErasureTests extends ApiTest {

	private static final List<String> REPORTS = List.of("sales-by-customer", "sales-by-item", "sales-by-staff");

	private static final List<String> PERIODS = List.of("from=1998-01-01&to=1999-01-01",
			"from=1999-01-01&to=2000-01-01", "from=1998-01-01&to=2000-01-01");

	@Autowired
	JdbcClient jdbc;

	@Test
	void erasesEveryCopyOfTheirDataAndKeepsEveryTotal() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String name = "Zelda Quixote " + tag;
		String email = "zq." + tag + "@example.org";
		String phone = "+44 20 7946 " + tag.substring(0, 4);
		String formerName = "Zelda Q " + tag;
		long customer = customer(formerName, email, phone);
		rename(customer, name, email, phone);
		long item = api.post("/api/items", Map.of("sku", "ER-" + tag, "name", "Erasure tea", "price", "4.50"))
			.json().path("id").asLong();
		List<Long> orders = new ArrayList<>();
		for (int month = 0; month < 24; month++) {
			orders.add(sale(customer, item, 1 + month % 3));
		}
		orders.add(sale(null, item, 2));
		// Two years of history, in years no other test sells in.
		jdbc.sql("UPDATE sales_orders SET created_at = timestamptz '1998-01-15 12:00Z' + (id % 24) * interval '1 month'"
				+ " WHERE id IN (:ids)").param("ids", orders).update();
		api.post("/api/customers/" + customer + "/deactivate", Map.of("reason", name + " asked us to pause"));
		Map<String, String> before = reports();
		String stock = api.get("/api/items/" + item).json().path("stockOnHand").asString();
		String orderTotal = api.get("/api/sales-orders/" + orders.get(0)).json().path("total").asString();

		JsonNode preview = api.get("/api/customers/" + customer + "/erasure").json();
		assertThat(preview.path("allowed").asBoolean()).as(preview.toString()).isTrue();
		assertThat(preview.path("copies").path("salesOrders").asLong()).isEqualTo(24);
		assertThat(preview.path("auditEntries").asInt()).isGreaterThanOrEqualTo(24 + 3);
		var erased = api.post("/api/customers/" + customer + "/erase", Map.of("reason", "Request from " + name));

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(erased.json().path("auditEntriesBlanked").asInt()).isEqualTo(preview.path("auditEntries").asInt());
		JsonNode record = api.get("/api/customers/" + customer).json();
		assertThat(record.path("status").asString()).isEqualTo("ERASED");
		assertThat(record.path("name").asString()).isEqualTo("Erased customer " + record.path("code").asString());
		assertThat(record.path("email").isNull() || record.path("email").isMissingNode()).isTrue();
		assertThat(reports()).isEqualTo(before);
		assertThat(api.get("/api/items/" + item).json().path("stockOnHand").asString()).isEqualTo(stock);
		assertThat(api.get("/api/sales-orders/" + orders.get(0)).json().path("total").asString()).isEqualTo(orderTotal);
		PersonalDataScan scan = new PersonalDataScan(jdbc);
		assertThat(scan.columns()).isGreaterThan(50);
		for (String value : List.of(name, formerName, email, phone)) {
			assertThat(scan.find(value)).as(value).isEmpty();
		}
		JsonNode verify = api.get("/api/audit/verify").json();
		assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
		assertThat(verify.path("erasures").valueStream()
			.filter(by -> by.path("entry").asLong() == erased.json().path("auditEntry").asLong())
			.map(by -> by.path("erased").asInt()))
			.containsExactly(preview.path("auditEntries").asInt());
	}

	@Test
	void anErasedCustomerShowsInHistoryAndTakesNoNewWork() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long customer = customer("Otto Erased " + tag, null, null);
		long item = api.post("/api/items", Map.of("sku", "EX-" + tag, "name", "Erasure coffee", "price", "3.00"))
			.json().path("id").asLong();
		long order = sale(customer, item, 1);
		api.post("/api/customers/" + customer + "/erase", Map.of("reason", "asked to be forgotten"));

		var sale = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", 1))));
		assertThat(sale.status()).isEqualTo(409);
		assertThat(sale.problemType()).isEqualTo("record-erased");
		assertThat(api.get("/api/customers/lookup?q=" + tag).json().size()).isZero();
		assertThat(api.get("/api/customers?status=all&q=erased").body()).contains("\"id\":" + customer);
		assertThat(api.get("/api/sales-orders/" + order).json().path("customerName").asString())
			.startsWith("Erased customer C");
		var again = api.post("/api/customers/" + customer + "/reactivate", Map.of("reason", "come back"));
		assertThat(again.status()).isEqualTo(409);
		var twice = api.post("/api/customers/" + customer + "/erase", Map.of("reason", "again"));
		assertThat(twice.status()).isEqualTo(409);
	}

	private Map<String, String> reports() {
		Map<String, String> figures = new java.util.TreeMap<>();
		for (String report : REPORTS) {
			for (String period : PERIODS) {
				JsonNode answer = api.get("/api/reports/" + report + "?" + period).json();
				StringBuilder rows = new StringBuilder(answer.path("total").asString());
				// Names change by design (the customer's is now a placeholder); ids, counts and amounts must not.
				answer.path("rows").forEach(row -> rows.append(" | ").append(row.path("id").asString()).append(' ')
					.append(row.path("orders").asString()).append(' ').append(row.path("quantity").asString())
					.append(' ').append(row.path("total").asString()));
				figures.put(report + "?" + period, rows.toString());
			}
		}
		return figures;
	}

	private long customer(String name, String email, String phone) {
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("name", name, "address", "1 " + name + " Street",
				"notes", "Call " + name + " first"));
		if (email != null) {
			fields.put("email", email);
			fields.put("phone", phone);
			fields.put("taxNumber", "TX-" + phone);
		}
		var created = api.post("/api/customers", fields);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private void rename(long id, String name, String email, String phone) {
		String etag = api.get("/api/customers/" + id).header("ETag");
		var renamed = api.put("/api/customers/" + id, Map.of("name", name, "email", email, "phone", phone,
				"address", "1 " + name + " Street", "taxNumber", "TX-" + phone, "notes", "Call " + name + " first"),
				"If-Match", etag);
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
	}

	private long sale(Long customer, long item, int quantity) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", quantity))));
		if (customer != null) {
			body.put("customerId", customer);
		}
		Api.Response sale = api.post("/api/sales-orders", body);
		assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
		return sale.json().path("id").asLong();
	}

}
