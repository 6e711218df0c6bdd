package org.backroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Makes the records a test needs through the API, each uniquely named, since tests share one running application
 * and database. Every helper fails the test with the server's answer when a step that should work does not.
 */
public final class StoreRecords {

	private StoreRecords() {
	}

	/** A word no other test uses, such as {@code qzkfhwpt}: letters only, so that it is easy to search for. */
	public static String uniqueWord() {
		StringBuilder word = new StringBuilder("qz");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/** A name no other test uses: the prefix and a unique word. */
	public static String uniqueName(String prefix) {
		return prefix + " " + uniqueWord();
	}

	/** A new customer with these fields, as the API answered it. */
	public static JsonNode customer(Api api, Map<String, ?> fields) {
		Api.Response created = api.post("/api/customers", fields);
		assertThat(created.status()).as("creating customer %s: %s", fields, created).isEqualTo(201);
		return created.json();
	}

	/** A new customer with only a name. */
	public static JsonNode customer(Api api, String name) {
		return customer(api, Map.of("name", name));
	}

	/** A new customer allowed to buy on credit up to the limit. */
	public static JsonNode creditCustomer(Api api, String name, String limit) {
		return customer(api, Map.of("name", name, "creditAllowed", true, "creditLimit", limit));
	}

	/** A new item with a unique SKU and this price. */
	public static JsonNode item(Api api, String name, String price) {
		String sku = "SKU-" + uniqueWord().toUpperCase(java.util.Locale.ROOT);
		Api.Response created = api.post("/api/items", Map.of("sku", sku, "name", name, "price", price));
		assertThat(created.status()).as("creating item %s: %s", sku, created).isEqualTo(201);
		return created.json();
	}

	/** A new item whose stock is tracked, with a unique SKU and this price, and none on hand. */
	public static long trackedItem(Api api, String name, String price) {
		String sku = "TRK-" + uniqueWord().toUpperCase(java.util.Locale.ROOT);
		Api.Response created = api.post("/api/items",
				Map.of("sku", sku, "name", name, "price", price, "trackStock", true));
		assertThat(created.status()).as("creating item %s: %s", sku, created).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** Brings these quantities of items into stock: one purchase order from a new supplier, ordered and received. */
	public static void received(Api api, Map<Long, Integer> quantities) {
		long supplier = api.post("/api/suppliers", Map.of("name", uniqueName("Wholesaler"))).json().path("id").asLong();
		List<Map<String, Object>> lines = new ArrayList<>();
		quantities.forEach((item, quantity) -> lines.add(Map.of("itemId", item, "quantity", quantity, "unitCost", "1.00")));
		Api.Response order = api.post("/api/purchase-orders", Map.of("supplierId", supplier, "lines", lines));
		assertThat(order.status()).as("%s", order).isEqualTo(201);
		String path = "/api/purchase-orders/" + order.json().path("id").asLong();
		assertThat(api.post(path + "/order", null).status()).isEqualTo(200);
		assertThat(api.post(path + "/receive", null).status()).isEqualTo(200);
	}

	/** One line of a sale at the item's own price. */
	public static Map<String, Object> line(long itemId, int quantity) {
		return Map.of("itemId", itemId, "quantity", quantity);
	}

	/** One line of a sale at the till's price, less a discount off the line. */
	public static Map<String, Object> line(long itemId, int quantity, String unitPrice, String discount) {
		return Map.of("itemId", itemId, "quantity", quantity, "unitPrice", unitPrice, "discount", discount);
	}

	/** Asks for a sale; the customer may be null (the walk-in customer). Returns the answer, whatever it is. */
	@SafeVarargs
	public static Api.Response sell(Api api, @Nullable Long customerId, String payment, Map<String, Object>... lines) {
		Map<String, Object> sale = new LinkedHashMap<>();
		if (customerId != null) {
			sale.put("customerId", customerId);
		}
		sale.put("payment", payment);
		sale.put("lines", Arrays.asList(lines));
		return api.post("/api/sales-orders", sale);
	}

	/** A sale that must be recorded; returns the order. */
	@SafeVarargs
	public static JsonNode sold(Api api, @Nullable Long customerId, String payment, Map<String, Object>... lines) {
		Api.Response answer = sell(api, customerId, payment, lines);
		assertThat(answer.status()).as("selling: %s", answer).isEqualTo(201);
		return answer.json();
	}

	/** The body of a lifecycle transition. */
	public static Map<String, String> because(String reason) {
		return Map.of("reason", reason);
	}

	/** A transition ({@code deactivate}, {@code reactivate}, {@code restore}, {@code purge}) that must work. */
	public static JsonNode transition(Api api, String path, String verb, String reason) {
		Api.Response answer = api.post(path + "/" + verb, because(reason));
		assertThat(answer.status()).as("%s %s: %s", verb, path, answer).isEqualTo(200);
		return answer.json();
	}

	/** A deletion to the trash that must work; returns the answer ({@code outcome}, {@code record}). */
	public static JsonNode delete(Api api, String path, String reason) {
		Api.Response answer = api.delete(path + "?reason=" + Api.encode(reason));
		assertThat(answer.status()).as("delete %s: %s", path, answer).isEqualTo(200);
		return answer.json();
	}

	/** A record read with GET, which must exist. */
	public static JsonNode read(Api api, String path) {
		Api.Response answer = api.get(path);
		assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
		return answer.json();
	}

	/** Every item of a keyset-paginated list, following {@code nextCursor} to the end. */
	public static List<JsonNode> allPages(Api api, String pathWithQuery, int limit) {
		List<JsonNode> all = new ArrayList<>();
		String separator = pathWithQuery.contains("?") ? "&" : "?";
		String cursor = null;
		java.util.Set<String> cursors = new java.util.HashSet<>();
		for (int page = 0; page < 1_000; page++) {
			String path = pathWithQuery + separator + "limit=" + limit
					+ (cursor == null ? "" : "&cursor=" + Api.encode(cursor));
			JsonNode body = read(api, path);
			assertThat(body.path("items").size()).as("page size of %s", path).isLessThanOrEqualTo(limit);
			all.addAll(body.path("items").values());
			JsonNode next = body.path("nextCursor");
			if (next.isNull() || next.isMissingNode()) {
				return all;
			}
			cursor = next.asString();
			assertThat(cursors.add(cursor)).as("%s gave the cursor %s twice: the list goes round in circles",
					pathWithQuery, cursor).isTrue();
		}
		throw new AssertionError("The list " + pathWithQuery + " never ended");
	}

	/** Every sales order of one customer, newest first. */
	public static List<JsonNode> ordersOf(Api api, long customerId) {
		return allPages(api, "/api/sales-orders?customerId=" + customerId, 100);
	}

	/** The ids of the customers a list answers for this query and status filter (first page of up to 100). */
	public static List<Long> customerIds(Api api, String q, String status) {
		JsonNode body = read(api, "/api/customers?limit=100&status=" + status + "&q=" + Api.encode(q));
		return ids(body.path("items").values());
	}

	/** The ids of the customers the picker offers for this query. */
	public static List<Long> lookupIds(Api api, String q) {
		return ids(read(api, "/api/customers/lookup?q=" + Api.encode(q)).values());
	}

	/** The {@code id} of each record. */
	public static List<Long> ids(java.util.Collection<JsonNode> records) {
		return records.stream().map(record -> record.path("id").asLong()).toList();
	}

	/** The walk-in customer, found the way a till finds it. */
	public static JsonNode walkIn(Api api) {
		JsonNode found = read(api, "/api/customers/lookup?q=WALK-IN");
		for (JsonNode candidate : found.values()) {
			if ("WALK-IN".equals(candidate.path("code").asString())) {
				return read(api, "/api/customers/" + candidate.path("id").asLong());
			}
		}
		throw new AssertionError("No walk-in customer in " + found);
	}

	/** The fields of a customer as a PUT takes them, from the customer as the API shows it. */
	public static Map<String, @Nullable Object> customerForm(JsonNode customer) {
		Map<String, @Nullable Object> form = new HashMap<>();
		for (String field : List.of("name", "email", "phone", "address", "taxNumber", "notes", "creditLimit")) {
			JsonNode value = customer.path(field);
			form.put(field, value.isNull() ? null : value.asString());
		}
		form.put("creditAllowed", customer.path("creditAllowed").asBoolean());
		return form;
	}

}
