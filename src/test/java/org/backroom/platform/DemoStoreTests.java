package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.backroom.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/** The demo store shows the product: every review and history page has something true to say. */
// As @BackroomTest, but with the demo store: its own property source, since @BackroomTest's turns the demo off.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "backroom.data.dir=", "backroom.data.relaxed-durability=true", "backroom.demo=true",
		"backroom.trash.purge-cron=-", "backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD })
class DemoStoreTests extends ApiTest {

	@Test
	void theDormantReviewWithItsDefaultPeriodFindsCustomers() {
		JsonNode rows = api.get("/api/reports/dormant-customers?limit=100").json().path("rows");
		assertThat(rows.size()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void anInactiveCustomerOfTheDemoSaysWhoDeactivatedItWhenAndWhy() {
		JsonNode customer = api.get("/api/customers?status=inactive&limit=1").json().path("items").path(0);
		JsonNode history = api.get("/api/customers/" + customer.path("id").asLong() + "/history").json().path("items");
		JsonNode last = history.path(history.size() - 1);
		assertThat(last.path("action").asString()).isEqualTo("customer.deactivate");
		assertThat(last.path("actor").asString()).isEqualTo("nora");
		assertThat(last.path("reason").asString()).isEqualTo(customer.path("statusReason").asString());
		assertThat(last.path("at").asString().substring(0, 10))
			.isEqualTo(customer.path("statusChangedAt").asString().substring(0, 10));
	}

	@Test
	void theDemosTrashAndDiscontinuedItemsHaveTheirHistoryAndTheChainIsIntact() {
		JsonNode trashed = api.get("/api/customers?status=deleted&limit=1").json().path("items").path(0);
		JsonNode history = api.get("/api/customers/" + trashed.path("id").asLong() + "/history").json().path("items");
		assertThat(history.findValuesAsString("action")).containsExactly("customer.create", "customer.delete");
		JsonNode item = api.get("/api/items?status=inactive&limit=1").json().path("items").path(0);
		assertThat(api.get("/api/items/" + item.path("id").asLong() + "/history").json().path("items").path(0)
			.path("action").asString()).isEqualTo("item.deactivate");
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void theLastThirtyDaysHaveSalesEvenOnTheFirstDayOfAMonth() {
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		JsonNode report = api.get("/api/reports/sales-by-item?from=" + tomorrow.minusDays(30) + "&to=" + tomorrow).json();
		assertThat(report.path("rows").size()).isGreaterThan(10);
	}

}
