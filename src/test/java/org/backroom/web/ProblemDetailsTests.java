package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerIds;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 2, engineering: every error, bad input included, is {@code application/problem+json} with a stable type,
 * names the wrong fields, never shows a stack trace, and changes nothing.
 */
@BackroomTest
class ProblemDetailsTests extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void answersAnUnknownRouteWithNotFound() {
		for (String path : List.of("/api/no-such-thing", "/api/customers/1/no-such-action", "/no-such-page")) {
			var missing = api.get(path);

			assertProblem(missing, 404, "not-found");
		}
	}

	@Test
	void answersMalformedJsonWithBadRequest() {
		String name = uniqueName("Half sent");
		for (String body : List.of("{\"name\": \"" + name + "\",", "{\"name\" \"" + name + "\"}", "[\"" + name + "\"",
				"not json at all " + name)) {
			var refused = api.raw("POST", "/api/customers", body, "application/json");

			assertProblem(refused, 400, "malformed-request");
		}
		assertProblem(api.raw("POST", "/api/customers", "", "application/json"), 400, "malformed-request");
		assertThat(customerIds(api, name, "all")).isEmpty();
	}

	@Test
	void namesTheFieldWhoseValueHasTheWrongType() {
		String name = uniqueName("Wrong types");
		assertFieldRefused(api.post("/api/customers", Map.of("name", name, "creditLimit", "abc")), "creditLimit");
		assertFieldRefused(api.post("/api/customers", Map.of("name", name, "creditAllowed", "perhaps")),
				"creditAllowed");
		assertFieldRefused(api.post("/api/customers", Map.of("name", List.of("a", "b"))), "name");
		assertThat(customerIds(api, name, "all")).isEmpty();

		long customer = customer(api, name).path("id").asLong();
		long item = item(api, "Gin", "21.00").path("id").asLong();
		assertFieldRefused(sale(customer, Map.of("itemId", item, "quantity", "x")), "lines[0].quantity");
		assertFieldRefused(sale(customer, line(item, 1), Map.of("itemId", item, "quantity", 1.5)), "lines[1].quantity");
		assertFieldRefused(sale(customer, Map.of("itemId", (double) item + 0.5, "quantity", 1)), "lines[0].itemId");
		assertFieldRefused(sale(customer, Map.of("itemId", "gin", "quantity", 1)), "lines[0].itemId");
		assertFieldRefused(sale(customer, Map.of("itemId", item, "quantity", 1, "unitPrice", "cheap")),
				"lines[0].unitPrice");
		assertFieldRefused(api.post("/api/sales-orders", Map.of("customerId", "me", "payment", "CASH", "lines",
				List.of(line(item, 1)))), "customerId");
		assertFieldRefused(api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "BITCOIN", "lines",
				List.of(line(item, 1)))), "payment");
		assertFieldRefused(api.get("/api/sales-orders?customerId=me"), "customerId");
		assertFieldRefused(api.get("/api/customers?limit=ten"), "limit");
		assertThat(ordersOf(api, customer)).isEmpty();
	}

	@Test
	void refusesANameLongerThan200Characters() {
		String word = uniqueWord();
		String tooLong = word + "x".repeat(201 - word.length());

		assertFieldRefused(api.post("/api/customers", Map.of("name", tooLong)), "name");
		assertThat(customerIds(api, word, "all")).isEmpty();

		String longest = word + "y".repeat(200 - word.length());
		assertThat(customer(api, longest).path("name").asString()).hasSize(200);
		String sku = "SKU-" + word;
		assertFieldRefused(api.post("/api/items", Map.of("sku", sku, "name", tooLong, "price", "1.00")), "name");
	}

	@Test
	void answersEveryErrorAsAProblemWithoutAStackTrace() {
		JsonNode customer = customer(api, uniqueName("Problem child"));
		String path = "/api/customers/" + customer.path("id").asLong();
		List<Api.Response> errors = new ArrayList<>();
		errors.add(api.get("/api/nowhere"));
		errors.add(api.get("/api/customers/987654321"));
		errors.add(api.get("/api/customers/not-a-number"));
		errors.add(api.raw("POST", "/api/customers", "{", "application/json"));
		errors.add(api.raw("POST", "/api/customers", "name=x", "text/plain"));
		errors.add(api.send("PATCH", "/api/customers", Map.of("name", "x")));
		errors.add(api.post("/api/customers", Map.of("name", "")));
		errors.add(api.put(path, Map.of("name", "x")));
		errors.add(api.put(path, Map.of("name", "x"), "If-Match", "\"999\""));
		errors.add(api.post(path + "/reactivate", Map.of("reason", "not inactive")));
		errors.add(api.post("/api/customers/" + read(api, "/api/customers/lookup?q=WALK-IN").path(0).path("id").asLong()
				+ "/deactivate", Map.of("reason", "try")));
		errors.add(api.post("/api/sales-orders", Map.of("customerId", customer.path("id").asLong(), "payment", "CREDIT",
				"lines", List.of(line(item(api, "Rum", "18.00").path("id").asLong(), 1)))));

		for (Api.Response error : errors) {
			assertThat(error.status()).as("%s", error).isBetween(400, 499);
			assertThat(error.header("Content-Type")).as("%s", error).startsWith("application/problem+json");
			JsonNode problem = error.json();
			assertThat(error.body()).as("%s", error).contains("\"status\":" + error.status());
			assertThat(problem.path("type").asString()).as("%s", error).matches("urn:backroom:problem:[a-z-]+");
			assertThat(problem.path("title").asString()).as("%s", error).isNotBlank();
			assertThat(problem.path("detail").asString()).as("%s", error).isNotBlank();
			assertThat(error.body()).as("%s", error).doesNotContain("Exception", "at org.", "at java.", "trace");
		}
	}

	@Test
	void changesNothingWhenItRefusesARequest() {
		JsonNode customer = customer(api, Map.of("name", uniqueName("Unchanged"), "creditAllowed", true, "creditLimit",
				"5.00"));
		long id = customer.path("id").asLong();
		String path = "/api/customers/" + id;
		String etag = api.get(path).header("ETag");
		long item = item(api, "Whisky", "40.00").path("id").asLong();

		Map<String, Long> before = counts();

		assertProblem(api.put(path, Map.of("name", "x".repeat(201)), "If-Match", etag), 422, "validation");
		assertProblem(api.raw("PUT", path, "{\"name\": \"Half", "application/json"), 400, "malformed-request");
		assertProblem(api.put(path, Map.of("name", "Changed", "creditLimit", "lots"), "If-Match", etag), 422,
				"validation");
		assertProblem(api.put(path, Map.of("name", "Changed"), "If-Match", "\"41\""), 412, "version-conflict");
		assertProblem(api.post(path + "/deactivate", Map.of()), 422, "validation");
		assertProblem(api.delete(path), 422, "validation");
		assertProblem(api.post(path + "/purge", Map.of("reason", "skip the trash")), 409, "invalid-transition");
		assertProblem(api.post(path + "/restore", Map.of("reason", "not deleted")), 409, "invalid-transition");
		assertProblem(sale(id, line(item, 1), Map.of("itemId", item, "quantity", -1)), 422, "validation");
		assertProblem(api.post("/api/sales-orders", Map.of("customerId", id, "payment", "CREDIT", "lines",
				List.of(line(item, 1)))), 409, "credit-refused");

		assertThat(read(api, path)).isEqualTo(customer);
		assertThat(ordersOf(api, id)).isEmpty();
		assertThat(counts()).as("rows of every table the requests could touch, and audit entries").isEqualTo(before);
	}

	/** How many rows the tables these requests could have written hold. */
	private Map<String, Long> counts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : List.of("customers", "sales_orders", "sales_order_lines", "items", "audit_log")) {
			counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	@SafeVarargs
	private Api.Response sale(long customerId, Map<String, Object>... lines) {
		return api.post("/api/sales-orders", Map.of("customerId", customerId, "payment", "CASH", "lines", List.of(lines)));
	}

	private static void assertFieldRefused(Api.Response refused, String field) {
		assertProblem(refused, 422, "validation");
		assertThat(refused.json().path("errors").values()).as("%s", refused)
			.extracting(error -> error.path("field").asString())
			.contains(field);
	}

	private static void assertProblem(Api.Response answer, int status, String type) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(status);
		assertThat(answer.header("Content-Type")).as("%s", answer).startsWith("application/problem+json");
		assertThat(answer.problemType()).as("%s", answer).isEqualTo(type);
		assertThat(answer.body()).doesNotContain("Exception", "at org.", "trace");
	}

}
