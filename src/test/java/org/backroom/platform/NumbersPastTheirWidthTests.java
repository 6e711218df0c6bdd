package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.lookupIds;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customer 1,000,000 can be created: codes and order numbers grow past their width (C999999, C1000000) instead of
 * being cut to it (C100000, which exists). An application of its own, since the sequences jump far ahead here.
 */
@BackroomTest(properties = "backroom.test.database=numbers-past-their-width")
class NumbersPastTheirWidthTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void customerCodesGoOnFromC999999ToC1000000AndStayFindable() {
		jdbc.sql("SELECT setval('customer_code_seq', 999998)").query(Long.class).single();
		List<String> codes = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			var created = customer(api, "Boundary customer " + i);
			codes.add(created.path("code").asString());
			ids.add(created.path("id").asLong());
		}

		assertThat(codes).containsExactly("C999999", "C1000000", "C1000001");
		assertThat(lookupIds(api, "C1000000")).contains(ids.get(1));
		assertThat(read(api, "/api/customers/" + ids.get(2)).path("code").asString()).isEqualTo("C1000001");
	}

	@Test
	void supplierCodesGoOnFromP999999ToP1000000() {
		jdbc.sql("SELECT setval('supplier_code_seq', 999998)").query(Long.class).single();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			var created = api.post("/api/suppliers", Map.of("name", "Boundary supplier " + i));
			assertThat(created.status()).as("%s", created).isEqualTo(201);
			codes.add(created.json().path("code").asString());
		}

		assertThat(codes).containsExactly("P999999", "P1000000");
	}

	@Test
	void salesOrderNumbersGoOnFromS9999999ToS10000000() {
		long buyer = customer(api, "Boundary buyer").path("id").asLong();
		long tea = item(api, "Boundary tea", "2.00").path("id").asLong();
		jdbc.sql("SELECT setval('sales_order_number_seq', 9999998)").query(Long.class).single();

		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			numbers.add(sold(api, buyer, "CASH", line(tea, 1)).path("number").asString());
		}

		assertThat(numbers).containsExactly("S9999999", "S10000000");
	}

	@Test
	void purchaseOrderNumbersGoOnFromPO9999999ToPO10000000() {
		var supplier = api.post("/api/suppliers", Map.of("name", "Boundary wholesaler"));
		long beans = item(api, "Boundary beans", "9.00").path("id").asLong();
		jdbc.sql("SELECT setval('purchase_order_number_seq', 9999998)").query(Long.class).single();

		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			var order = api.post("/api/purchase-orders", Map.of("supplierId", supplier.json().path("id").asLong(),
					"lines", List.of(Map.of("itemId", beans, "quantity", 6, "unitCost", "5.00"))));
			assertThat(order.status()).as("%s", order).isEqualTo(201);
			numbers.add(order.json().path("number").asString());
		}

		assertThat(numbers).containsExactly("PO9999999", "PO10000000");
	}

}
