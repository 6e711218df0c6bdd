package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page, checked by axe-core as a screen-reader user would meet it (no violation of impact serious or
 * critical), with a title of its own and the favicon.
 */
class AccessibilityBrowserTests extends BrowserTest {

	@Test
	void everyPageHasItsOwnTitleTheFaviconAndNoSeriousAccessibilityViolation() {
		long customer = newCustomer(unique("Axe Anna"));
		long item = newItem(unique("Axe tea"), "AXE-" + customer, "", "3.00");
		String order = sell(customer, item);
		long orderId = api.get("/api/sales-orders?customerId=" + customer).json().path("items").path(0).path("id").asLong();
		long supplier = api.post("/api/suppliers", Map.of("name", unique("Axe Supplies"))).json().path("id").asLong();
		long staff = api.get("/api/staff?q=" + newStaff("Cashier")).json().path("items").path(0).path("id").asLong();
		long trashed = newCustomer(unique("Axe Trashed"));
		api.delete("/api/customers/" + trashed + "?reason=duplicate");

		signInAsOwner();
		List<String> pages = List.of("/", "/customers", "/customers?status=all&q=Axe", "/customers/" + customer,
				"/customers/new", "/customers/" + customer + "/edit", "/customers/" + customer + "/actions/deactivate",
				"/items", "/items/" + item, "/items/new", "/suppliers", "/suppliers/" + supplier, "/staff",
				"/staff/" + staff, "/roles", "/sales", "/sales/" + orderId, "/sales/" + orderId + "/receipt",
				"/sales/new", "/purchase-orders", "/purchase-orders/new", "/approvals", "/audit", "/trash",
				"/reports", "/reports/dormant-customers", "/settings", "/me/password");
		Map<String, List<String>> violations = new LinkedHashMap<>();
		Set<String> titles = new HashSet<>();
		for (String page : pages) {
			open(page);
			waitUntilQuiet();
			String title = browser.getTitle();
			assertThat(title).as(page + " has a title").endsWith("· Backroom").isNotEqualTo("Backroom");
			titles.add(title);
			assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/favicon.svg");
			List<String> found = seriousAccessibilityViolations();
			if (!found.isEmpty()) {
				violations.put(page, found);
			}
		}
		assertThat(violations).as("serious or critical axe-core violations").isEmpty();
		assertThat(titles).as("titles tell the pages apart").hasSizeGreaterThan(pages.size() - 8);
		assertThat(order).isNotBlank();

		Object favicon = ((JavascriptExecutor) browser).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch('/favicon.svg').then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); });""");
		assertThat(String.valueOf(favicon)).startsWith("200 image/svg");
	}

	/** The check itself is live: an image without a text alternative is a critical violation it reports. */
	@Test
	void theAccessibilityCheckReportsAnImageWithoutAText() {
		open("/login");
		waitFor(By.id("username"));
		((JavascriptExecutor) browser).executeScript(
				"var img = document.createElement('img'); img.src = '/favicon.svg'; document.querySelector('main').appendChild(img);");
		assertThat(seriousAccessibilityViolations()).anyMatch(line -> line.startsWith("image-alt (critical)"));
	}

	@Test
	void theSignInPageHasATitleAndNoSeriousAccessibilityViolation() {
		open("/login");
		waitFor(By.id("username"));
		assertThat(browser.getTitle()).endsWith("Backroom");
		assertThat(seriousAccessibilityViolations()).isEmpty();
	}

}
