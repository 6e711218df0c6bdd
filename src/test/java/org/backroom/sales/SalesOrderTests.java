package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerForm;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.walkIn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 2, point 3: recording sales with the right prices and totals, and keeping them as they were sold. */
@BackroomTest
class SalesOrderTests extends ApiTest {

	@Test
	void recordsASaleWithoutACustomerAgainstTheWalkInCustomer() {
		JsonNode walkIn = walkIn(api);
		long item = item(api, "Scone", "2.20").path("id").asLong();

		var answer = sell(api, null, "CASH", line(item, 2));

		assertThat(answer.status()).as("%s", answer).isEqualTo(201);
		JsonNode order = answer.json();
		assertThat(answer.header("Location")).isEqualTo("/api/sales-orders/" + order.path("id").asLong());
		assertThat(order.path("customerId").asLong()).isEqualTo(walkIn.path("id").asLong());
		assertThat(order.path("customerName").asString()).isEqualTo(walkIn.path("name").asString());
		assertThat(order.path("payment").asString()).isEqualTo("CASH");
		assertThat(order.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(order.path("number").asString()).isNotBlank();
		assertThat(order.path("createdAt").asString()).isNotBlank();
		assertThat(order.path("total").asString()).isEqualTo("4.40");
		assertThat(read(api, "/api/sales-orders/" + order.path("id").asLong())).isEqualTo(order);
	}

	@Test
	void chargesTheItemsPriceWhenTheTillSendsNone() {
		long customer = customer(api, uniqueName("Parker")).path("id").asLong();
		JsonNode item = item(api, "Teapot", "4.50");

		JsonNode order = sold(api, customer, "CARD", line(item.path("id").asLong(), 3));

		assertThat(order.path("customerId").asLong()).isEqualTo(customer);
		JsonNode sold = order.path("lines").path(0);
		assertThat(sold.path("itemId").asLong()).isEqualTo(item.path("id").asLong());
		assertThat(sold.path("sku").asString()).isEqualTo(item.path("sku").asString());
		assertThat(sold.path("name").asString()).isEqualTo("Teapot");
		assertThat(sold.path("quantity").asInt()).isEqualTo(3);
		assertThat(sold.path("unitPrice").asString()).isEqualTo("4.50");
		assertThat(sold.path("discount").asString()).isEqualTo("0.00");
		assertThat(sold.path("lineTotal").asString()).isEqualTo("13.50");
		assertThat(order.path("total").asString()).isEqualTo("13.50");
	}

	@Test
	void chargesTheTillsPriceLessTheDiscountOnEachLine() {
		long customer = customer(api, uniqueName("Sugg")).path("id").asLong();
		long cups = item(api, "Cup", "3.00").path("id").asLong();
		long saucers = item(api, "Saucer", "1.75").path("id").asLong();
		long spoons = item(api, "Spoon", "0.99").path("id").asLong();

		JsonNode order = sold(api, customer, "CASH", line(cups, 2, "3.99", "0.50"), line(saucers, 4),
				line(spoons, 3, "0.80", "0.40"), line(cups, 1, "0", "0"));

		assertThat(order.path("lines").values()).extracting(sold -> sold.path("lineTotal").asString())
			.containsExactly("7.48", "7.00", "2.00", "0.00");
		assertThat(order.path("lines").values()).extracting(sold -> sold.path("lineNo").asInt())
			.containsExactly(1, 2, 3, 4);
		assertThat(order.path("total").asString()).isEqualTo("16.48");
	}

	@Test
	void keepsAnOrderAsItWasSoldWhenTheCustomerAndTheItemChangeLater() {
		JsonNode customer = customer(api, uniqueName("Lady Mary"));
		long customerId = customer.path("id").asLong();
		JsonNode item = item(api, "Marmalade", "3.10");
		long itemId = item.path("id").asLong();
		JsonNode order = sold(api, customerId, "CASH", line(itemId, 2), line(itemId, 1, "2.90", "0.10"));
		String orderPath = "/api/sales-orders/" + order.path("id").asLong();

		Map<String, Object> renamed = new HashMap<>(customerForm(customer));
		renamed.put("name", "Lady Mary Wimsey");
		var customerPath = "/api/customers/" + customerId;
		assertThat(api.put(customerPath, renamed, "If-Match", api.get(customerPath).header("ETag")).status())
			.isEqualTo(200);
		var itemPath = "/api/items/" + itemId;
		Map<String, Object> repriced = Map.of("sku", item.path("sku").asString() + "-NEW", "name", "Seville marmalade",
				"price", "3.95");
		assertThat(api.put(itemPath, repriced, "If-Match", api.get(itemPath).header("ETag")).status()).isEqualTo(200);

		assertThat(read(api, orderPath)).isEqualTo(order);
		assertThat(ordersOf(api, customerId)).containsExactly(order);
		assertThat(order.path("customerName").asString()).isEqualTo(customer.path("name").asString());
		assertThat(order.path("lines").path(0).path("unitPrice").asString()).isEqualTo("3.10");
		JsonNode later = sold(api, customerId, "CASH", line(itemId, 1));
		assertThat(later.path("customerName").asString()).isEqualTo("Lady Mary Wimsey");
		assertThat(later.path("lines").path(0).path("name").asString()).isEqualTo("Seville marmalade");
		assertThat(later.path("total").asString()).isEqualTo("3.95");
	}

	@Test
	void listsACustomersOrdersNewestFirst() {
		long customer = customer(api, uniqueName("Rumpole")).path("id").asLong();
		long item = item(api, "Claret", "12.00").path("id").asLong();
		List<Long> placed = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			placed.add(sold(api, customer, "CASH", line(item, i)).path("id").asLong());
		}

		List<Long> listed = ordersOf(api, customer).stream().map(order -> order.path("id").asLong()).toList();

		java.util.Collections.reverse(placed);
		assertThat(listed).containsExactlyElementsOf(placed);
		assertThat(org.backroom.support.StoreRecords.allPages(api, "/api/sales-orders?customerId=" + customer, 2))
			.extracting(order -> order.path("id").asLong())
			.containsExactlyElementsOf(listed);
	}

	@Test
	void refusesADiscountLargerThanItsLine() {
		long customer = customer(api, uniqueName("Generous")).path("id").asLong();
		long item = item(api, "Biscuit", "1.00").path("id").asLong();

		var refused = sell(api, customer, "CASH", line(item, 1), line(item, 2, "1.00", "2.01"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("lines[1].discount");
		assertThat(ordersOf(api, customer)).isEmpty();
	}

	@Test
	void refusesASaleThatIsMissingSomething() {
		long customer = customer(api, uniqueName("Forgetful")).path("id").asLong();
		long item = item(api, "Crumpet", "0.80").path("id").asLong();

		assertFieldRefused(Map.of("customerId", customer, "payment", "CASH", "lines", List.of()), "lines");
		assertFieldRefused(Map.of("customerId", customer, "lines", List.of(line(item, 1))), "payment");
		assertFieldRefused(Map.of("customerId", customer, "payment", "CASH", "lines", List.of(Map.of("itemId", item))),
				"lines[0].quantity");
		assertFieldRefused(Map.of("customerId", customer, "payment", "CASH", "lines", List.of(line(item, 0))),
				"lines[0].quantity");
		assertFieldRefused(Map.of("customerId", customer, "payment", "CASH", "lines", List.of(line(987654321L, 1))),
				"lines[0].itemId");
		assertFieldRefused(Map.of("customerId", 987654321L, "payment", "CASH", "lines", List.of(line(item, 1))),
				"customerId");
		assertThat(ordersOf(api, customer)).isEmpty();
	}

	private void assertFieldRefused(Map<String, Object> sale, String field) {
		var refused = api.post("/api/sales-orders", sale);
		assertThat(refused.status()).as("%s: %s", sale, refused).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("validation");
		assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
			.contains(field);
	}

}
