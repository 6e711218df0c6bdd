package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.creditCustomer;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, point 3: a credit sale goes on the customer's balance, and is refused when the customer has no credit
 * or the limit would be exceeded; a refused sale changes nothing.
 */
@BackroomTest
class CreditSaleTests extends ApiTest {

	private long item;

	@BeforeEach
	void anItemAtTen() {
		item = item(api, "Hamper", "10.00").path("id").asLong();
	}

	@Test
	void putsACreditSaleOnTheCustomersBalance() {
		long customer = creditCustomer(api, uniqueName("Tab"), "100.00").path("id").asLong();

		JsonNode first = sold(api, customer, "CREDIT", line(item, 3));
		sold(api, customer, "CASH", line(item, 5));
		sold(api, customer, "CARD", line(item, 5));
		JsonNode second = sold(api, customer, "CREDIT", line(item, 2, "10.00", "2.50"));

		assertThat(first.path("payment").asString()).isEqualTo("CREDIT");
		assertThat(second.path("total").asString()).isEqualTo("17.50");
		assertThat(read(api, "/api/customers/" + customer).path("balance").asString()).isEqualTo("47.50");
		assertThat(read(api, "/api/customers/" + customer + "/impact").path("openBalance").asString())
			.isEqualTo("47.50");
	}

	@Test
	void sellsOnCreditUpToExactlyTheLimit() {
		long customer = creditCustomer(api, uniqueName("Exact"), "30.00").path("id").asLong();

		sold(api, customer, "CREDIT", line(item, 3));

		assertThat(read(api, "/api/customers/" + customer).path("balance").asString()).isEqualTo("30.00");
	}

	@Test
	void refusesCreditToACustomerWhoHasNone() {
		JsonNode customer = customer(api, uniqueName("Cash Only"));
		long id = customer.path("id").asLong();

		var refused = sell(api, id, "CREDIT", line(item, 1));

		assertCreditRefused(refused, customer);
		assertThat(refused.json().path("detail").asString()).contains("not allowed to buy on credit");
		assertThat(read(api, "/api/customers/" + id)).isEqualTo(customer);
		assertThat(ordersOf(api, id)).isEmpty();
		sold(api, id, "CASH", line(item, 1));
		assertThat(read(api, "/api/customers/" + id).path("balance").asString()).isEqualTo("0.00");
	}

	@Test
	void refusesACreditSaleThatWouldGoOverTheLimit() {
		long id = creditCustomer(api, uniqueName("Stretched"), "50.00").path("id").asLong();
		sold(api, id, "CREDIT", line(item, 4));
		JsonNode before = read(api, "/api/customers/" + id);
		List<JsonNode> ordersBefore = ordersOf(api, id);

		var refused = sell(api, id, "CREDIT", line(item, 1), line(item, 1, "0.01", "0.00"));

		assertCreditRefused(refused, before);
		assertThat(refused.json().path("balance").asString()).isEqualTo("40.00");
		assertThat(refused.json().path("creditLimit").asString()).isEqualTo("50.00");
		assertThat(refused.json().path("amount").asString()).isEqualTo("10.01");
		assertThat(read(api, "/api/customers/" + id)).isEqualTo(before);
		assertThat(ordersOf(api, id)).isEqualTo(ordersBefore);
	}

	@Test
	void refusesCreditToTheWalkInCustomer() {
		var refused = sell(api, null, "CREDIT", line(item, 1));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("credit-refused");
	}

	@Test
	void refusesMoreCreditOnceTheLimitIsLoweredBelowTheBalance() {
		JsonNode customer = creditCustomer(api, uniqueName("Lowered"), "100.00");
		long id = customer.path("id").asLong();
		sold(api, id, "CREDIT", line(item, 6));
		String path = "/api/customers/" + id;
		var lowered = api.put(path, Map.of("name", customer.path("name").asString(), "creditAllowed", true,
				"creditLimit", "20.00"), "If-Match", api.get(path).header("ETag"));
		assertThat(lowered.status()).isEqualTo(200);

		assertThat(sell(api, id, "CREDIT", line(item, 1)).problemType()).isEqualTo("credit-refused");
		assertThat(read(api, path).path("balance").asString()).isEqualTo("60.00");
		assertThat(ordersOf(api, id)).hasSize(1);
	}

	private static void assertCreditRefused(Api.Response refused, JsonNode customer) {
		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("credit-refused");
		assertThat(refused.json().path("detail").asString()).contains(customer.path("code").asString());
	}

}
