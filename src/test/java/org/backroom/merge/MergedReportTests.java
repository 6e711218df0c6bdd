package org.backroom.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, point 3: reports group a merged record's orders under its survivor, and a past period's grand total is
 * the same before a merge, after it, and after its undo.
 */
@BackroomTest
class MergedReportTests extends ApiTest {

	private static final String PERIOD = "?from=2000-01-01&to=2100-01-01";

	@Test
	void salesByCustomerGroupsAMergedCustomersOrdersUnderItsSurvivorAndThePeriodsTotalNeverMoves() {
		long itemId = item(api, "Report merge cocoa", "2.50").path("id").asLong();
		long survivor = customer(api, Map.of("name", uniqueName("Kit Lane"), "phone", "0161 555 0800")).path("id").asLong();
		long duplicate = customer(api, Map.of("name", uniqueName("Kitt Lane"))).path("id").asLong();
		sold(api, duplicate, "CASH", line(itemId, 4));
		sold(api, survivor, "CASH", line(itemId, 2));
		String report = "/api/reports/sales-by-customer" + PERIOD;
		String total = read(api, report).path("total").asString();
		assertThat(row(read(api, report), duplicate).path("total").asString()).isEqualTo("10.00");

		Api.Response merged = api.post("/api/customers/" + survivor + "/merge", Map.of("duplicateIds",
				List.of(duplicate), "reason", "one person"));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

		JsonNode after = read(api, report);
		assertThat(after.path("total").asString()).isEqualTo(total);
		assertThat(row(after, survivor).path("orders").asLong()).isEqualTo(2);
		assertThat(row(after, survivor).path("total").asString()).isEqualTo("15.00");
		assertThat(row(after, duplicate).isMissingNode()).isTrue();

		assertThat(api.post("/api/customers/" + duplicate + "/unmerge", because("two people")).status()).isEqualTo(200);

		JsonNode undone = read(api, report);
		assertThat(undone.path("total").asString()).isEqualTo(total);
		assertThat(row(undone, survivor).path("total").asString()).isEqualTo("5.00");
		assertThat(row(undone, duplicate).path("total").asString()).isEqualTo("10.00");
	}

	@Test
	void salesByItemCountsAMergedItemsLinesUnderItsSurvivor() {
		long survivor = item(api, "Report merge sugar", "1.00").path("id").asLong();
		long duplicate = item(api, "Report merge sugar bag", "3.00").path("id").asLong();
		sold(api, null, "CASH", line(survivor, 1), line(duplicate, 1));
		sold(api, null, "CASH", line(duplicate, 2));
		String report = "/api/reports/sales-by-item" + PERIOD;
		String total = read(api, report).path("total").asString();

		assertThat(api.post("/api/items/" + survivor + "/merge", Map.of("duplicateIds", List.of(duplicate),
				"reason", "one product")).status()).isEqualTo(200);

		JsonNode after = read(api, report);
		assertThat(after.path("total").asString()).isEqualTo(total);
		assertThat(row(after, survivor).path("orders").asLong()).isEqualTo(2);
		assertThat(row(after, survivor).path("quantity").asLong()).isEqualTo(4);
		assertThat(row(after, survivor).path("total").asString()).isEqualTo("10.00");
		assertThat(row(after, duplicate).isMissingNode()).isTrue();
	}

	@Test
	void purchasesBySupplierCountAMergedSuppliersOrdersUnderItsSurvivor() {
		long itemId = item(api, "Report merge yeast", "1.00").path("id").asLong();
		long survivor = api.post("/api/suppliers", Map.of("name", uniqueName("Report Bakers"))).json().path("id").asLong();
		long duplicate = api.post("/api/suppliers", Map.of("name", uniqueName("Report Bakers Ltd"))).json().path("id")
			.asLong();
		for (long supplier : List.of(survivor, duplicate, duplicate)) {
			long order = api.post("/api/purchase-orders", Map.of("supplierId", supplier, "lines",
					List.of(Map.of("itemId", itemId, "quantity", 3, "unitCost", "2.00")))).json().path("id").asLong();
			assertThat(api.post("/api/purchase-orders/" + order + "/order", null).status()).isEqualTo(200);
		}
		String report = "/api/reports/purchases-by-supplier" + PERIOD;
		String total = read(api, report).path("total").asString();

		assertThat(api.post("/api/suppliers/" + survivor + "/merge", Map.of("duplicateIds", List.of(duplicate),
				"reason", "one bakery")).status()).isEqualTo(200);

		JsonNode after = read(api, report);
		assertThat(after.path("total").asString()).isEqualTo(total);
		assertThat(row(after, survivor).path("orders").asLong()).isEqualTo(3);
		assertThat(row(after, survivor).path("total").asString()).isEqualTo("18.00");
		assertThat(row(after, duplicate).isMissingNode()).isTrue();
	}

	private static JsonNode row(JsonNode report, long id) {
		for (JsonNode row : report.path("rows")) {
			if (row.path("id").asLong() == id) {
				return row;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

}
