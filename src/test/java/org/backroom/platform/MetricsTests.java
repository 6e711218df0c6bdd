package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/**
 * A store watches the same figures in production as the benchmark measures: {@code /actuator/prometheus} answers
 * the HTTP timers per endpoint, the connection pool, lifecycle transitions and sales, to those with
 * {@code metrics.view} (Owner and Auditor) only.
 */
@BackroomTest
class MetricsTests extends ApiTest {

	@Test
	void scrapesTimersPerEndpointThePoolTransitionsAndSales() {
		long customerId = customer(api, "Metered customer").path("id").asLong();
		long itemId = item(api, "Metered tea", "3.00").path("id").asLong();
		sold(api, customerId, "CARD", line(itemId, 2));
		transition(api, "/api/customers/" + customerId, "deactivate", "Moved away");

		Api.Response scraped = api.get("/actuator/prometheus");

		assertThat(scraped.status()).as("%s", scraped).isEqualTo(200);
		assertThat(scraped.body()).contains("http_server_requests_seconds_count{", "uri=\"/api/sales-orders\"",
				"hikaricp_connections_active{pool=\"backroom\"", "jvm_memory_used_bytes")
			.containsPattern("backroom_lifecycle_transitions_total\\{kind=\"customer\",transition=\"deactivate\"\\} [1-9]")
			.containsPattern("backroom_sales_orders_total\\{payment=\"CARD\"\\} [1-9]")
			.containsPattern("backroom_sales_amount_currency_total\\{payment=\"CARD\"\\} [1-9]");
	}

	@Test
	void onlyThoseWithMetricsViewMayScrape() {
		assertThat(staffWithRole("Auditor").get("/actuator/prometheus").status()).isEqualTo(200);
		Api.Response cashier = staffWithRole("Cashier").get("/actuator/prometheus");
		assertThat(cashier.status()).isEqualTo(403);
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
	}

}
