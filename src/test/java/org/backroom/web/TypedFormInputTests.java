package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.uniqueName;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The purchase order form, the till and the bulk job form as a browser posts them: a value that cannot be read
 * comes back as typed with its error, on a 422 page, and nothing is saved; what can be read is saved as before.
 */
@BackroomTest
class TypedFormInputTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	private FormSession browser;

	@BeforeEach
	void signIn() {
		browser = FormSession.browser(port());
		assertThat(browser.signIn("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
	}

	@Test
	void aPurchaseOrderQuantityThatIsNoNumberComesBackAsTypedBesideItsLineAndNoOrderIsDrafted() {
		long supplier = supplier();
		JsonNode tea = item(api, uniqueName("Typed tea"), "3.00");
		int orders = purchaseOrders();

		var refused = post("/purchase-orders/new", "supplierId", String.valueOf(supplier), "supplierName", "Acme",
				"lines[0].itemId", tea.path("id").asString(), "lines[0].itemLabel", "Typed tea (T-1)",
				"lines[0].quantity", "a dozen", "lines[0].unitCost", "2.40", "lines[1].itemId",
				tea.path("id").asString(), "lines[1].itemLabel", "Typed tea (T-1)", "lines[1].quantity", "2",
				"lines[1].unitCost", "two forty");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(typed(refused, "lines[0].quantity")).isEqualTo("a dozen");
		assertThat(typed(refused, "lines[0].unitCost")).isEqualTo("2.40");
		assertThat(typed(refused, "lines[1].unitCost")).isEqualTo("two forty");
		assertThat(typed(refused, "lines[1].itemLabel")).isEqualTo("Typed tea (T-1)");
		assertThat(refused.body()).contains("lines[0].quantity: must be a whole number, such as 12")
			.contains("lines[1].unitCost: must be an amount, such as 2.40")
			.contains("<p class=\"field-error\">must be a whole number, such as 12</p>");
		assertThat(purchaseOrders()).isEqualTo(orders);
	}

	@Test
	void aPurchaseOrderFormWithNumberedLinesDraftsTheOrder() {
		long supplier = supplier();
		JsonNode tea = item(api, uniqueName("Numbered tea"), "3.00");
		int orders = purchaseOrders();

		var saved = post("/purchase-orders/new", "supplierId", String.valueOf(supplier), "supplierName", "Acme",
				"lines[0].itemId", tea.path("id").asString(), "lines[0].itemLabel", "Numbered tea",
				"lines[0].quantity", "3", "lines[0].unitCost", "2.40");

		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		assertThat(purchaseOrders()).isEqualTo(orders + 1);
		String order = saved.header("Location").replaceAll(".*/purchase-orders/", "/api/purchase-orders/");
		assertThat(api.get(order).json().path("total").asString()).isEqualTo("7.20");
	}

	@Test
	void aTillCustomerThatIsNoNumberIsRefusedAndNoSaleIsMade() {
		JsonNode jam = item(api, uniqueName("Till jam"), "2.00");
		int sales = sales();

		var refused = post("/sales/new", "customerId", "12abc", "customerName", "Someone", "payment", "CASH",
				"lines[0].itemId", jam.path("id").asString(), "lines[0].sku", jam.path("sku").asString(),
				"lines[0].name", "Till jam", "lines[0].price", "2.00", "lines[0].quantity", "1");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("customerId: must be a whole number");
		assertThat(typed(refused, "lines[0].quantity")).isEqualTo("1");
		assertThat(sales()).isEqualTo(sales);
	}

	@Test
	void aTillQuantityThatIsNoNumberComesBackAsTypedAndNoSaleIsMade() {
		JsonNode jam = item(api, uniqueName("Till tea"), "2.00");
		int sales = sales();

		var refused = post("/sales/new", "payment", "CASH", "lines[0].itemId", jam.path("id").asString(),
				"lines[0].sku", jam.path("sku").asString(), "lines[0].name", "Till tea", "lines[0].price", "2.00",
				"lines[0].quantity", "two");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("lines[0].quantity: must be a whole number")
			.doesNotContain("lines[0].quantity: is required");
		assertThat(typed(refused, "lines[0].quantity")).isEqualTo("two");
		assertThat(typed(refused, "lines[0].name")).isEqualTo("Till tea");
		assertThat(sales()).isEqualTo(sales);

		var sold = post("/sales/new", "payment", "CASH", "lines[0].itemId", jam.path("id").asString(),
				"lines[0].sku", jam.path("sku").asString(), "lines[0].name", "Till tea", "lines[0].price", "2.00",
				"lines[0].quantity", "3");
		assertThat(sold.status()).as(sold.toString()).isEqualTo(302);
		assertThat(sales()).isEqualTo(sales + 1);
	}

	@Test
	void aBulkJobWhoseDayIsNoDateIsRefusedAndNoJobStarts() {
		int jobs = bulkJobs();

		var refused = post("/bulk-jobs", "recordKind", "customer", "action", "deactivate", "dormantSince",
				"last spring", "reason", "dormant");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("dormantSince: must be a date, such as 2025-01-31");
		assertThat(bulkJobs()).isEqualTo(jobs);
		var preview = post("/bulk-jobs/preview", "recordKind", "customer", "action", "deactivate", "dormantSince",
				"2025-13-01");
		assertThat(preview.status()).as(preview.toString()).isEqualTo(422);
		assertThat(preview.body()).contains("dormantSince: must be a date, such as 2025-01-31");
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		var readable = post("/bulk-jobs/preview", "recordKind", "customer", "action", "deactivate", "dormantSince",
				tomorrow);
		assertThat(readable.status()).as(readable.toString()).isEqualTo(200);
		assertThat(readable.body()).contains("name=\"dormantSince\" value=\"" + tomorrow + "\"");
	}

	private long supplier() {
		var created = api.post("/api/suppliers", Map.of("name", uniqueName("Typed supplier")));
		assertThat(created.status()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private int purchaseOrders() {
		return count("SELECT count(*) FROM purchase_orders");
	}

	private int sales() {
		return count("SELECT count(*) FROM sales_orders");
	}

	private int bulkJobs() {
		return count("SELECT count(*) FROM bulk_jobs");
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private Api.Response post(String path, String... fields) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		form.put("_csrf", browser.pageToken());
		return browser.postForm(path, form, "Accept", "text/html");
	}

	/** The value an input of the page holds, as the browser would show it. */
	private static String typed(Api.Response page, String field) {
		Matcher input = Pattern.compile("<input[^>]*\\bname=\"" + Pattern.quote(field) + "\"[^>]*>").matcher(page.body());
		assertThat(input.find()).as("an input named %s in %s", field, page.body()).isTrue();
		Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
		return value.find() ? value.group(1) : "";
	}

}
