package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client that cannot read JSON is told so (406) before anything is written: a retry of such a request must not
 * record the sale, the customer or the transition a second time.
 */
@BackroomTest
class NotAcceptableWritesNothingTests extends ApiTest {

	private static final String[] XML = { "Accept", "application/xml" };

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSaleAskedForAsXmlIsRefusedAndNotRecorded() {
		long item = StoreRecords.item(api, "Tea", "2.00").path("id").asLong();
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Xml Buyer")).path("id").asLong();
		Counts before = counts();

		Api.Response answer = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(StoreRecords.line(item, 1))), XML);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.problemType()).isEqualTo("not-acceptable");
		assertThat(counts()).isEqualTo(before);
		assertThat(StoreRecords.ordersOf(api, customer)).isEmpty();
	}

	@Test
	void recordCreationAndTransitionsAskedForAsXmlChangeNothing() {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Xml Target")).path("id").asLong();
		long supplier = api.post("/api/suppliers", Map.of("name", StoreRecords.uniqueName("Xml Supplier")))
			.json().path("id").asLong();
		long item = StoreRecords.item(api, "Coffee", "3.00").path("id").asLong();
		Counts before = counts();

		List<Api.Response> answers = List.of(
				api.post("/api/customers", Map.of("name", StoreRecords.uniqueName("Xml New")), XML),
				api.post("/api/items", Map.of("sku", "X-" + StoreRecords.uniqueWord(), "name", "X", "price", "1.00"), XML),
				api.post("/api/suppliers", Map.of("name", StoreRecords.uniqueName("Xml New")), XML),
				api.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("gone"), XML),
				api.post("/api/purchase-orders", Map.of("supplierId", supplier, "lines",
						List.of(Map.of("itemId", item, "quantity", 2, "unitCost", "1.00"))), XML),
				api.put("/api/customers/" + customer, Map.of("name", "Renamed"), "Accept", "text/csv", "If-Match", "*"));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(406));
		assertThat(counts()).isEqualTo(before);
		assertThat(StoreRecords.read(api, "/api/customers/" + customer).path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aClientThatTakesProblemDetailsOrAnythingIsServed() {
		long item = StoreRecords.item(api, "Cocoa", "2.50").path("id").asLong();
		Api.Response sold = api.post("/api/sales-orders", Map.of("payment", "CASH", "lines",
				List.of(StoreRecords.line(item, 1))), "Accept", "application/xml;q=0.9, */*;q=0.1");
		assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
	}

	record Counts(long customers, long items, long suppliers, long salesOrders, long purchaseOrders, long audit) {
	}

	private Counts counts() {
		return new Counts(count("customers"), count("items"), count("suppliers"), count("sales_orders"),
				count("purchase_orders"), count("audit_log"));
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
