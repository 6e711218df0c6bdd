package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every main page works under the strict Content-Security-Policy: the browser reports no violation (no inline
 * script, style or event handler, no eval) on any of them once they and their htmx loads are in.
 */
class ContentSecurityPolicyBrowserTests extends BrowserTest {

	@Test
	void noMainPageBreaksTheContentSecurityPolicy() {
		long customer = newCustomer(unique("Polly Policy"));
		long item = newItem(unique("Policy tea"), "CSP-" + System.nanoTime(), "", "3.00");
		sell(customer, item);
		long staff = api.get("/api/me").json().path("id").asLong();

		open("/login");
		waitUntilQuiet();
		assertThat(policyViolations()).as("/login").isEmpty();

		signInAsOwner();
		Map<String, List<String>> violations = new LinkedHashMap<>();
		for (String page : List.of("/", "/customers", "/customers/" + customer, "/customers/new",
				"/customers/" + customer + "/edit", "/items", "/items/" + item, "/items/new", "/suppliers",
				"/suppliers/new", "/staff", "/staff/" + staff, "/roles", "/sales", "/sales/new", "/purchase-orders",
				"/purchase-orders/new", "/approvals", "/audit", "/trash", "/reports", "/settings",
				"/customers/" + customer + "/actions/deactivate")) {
			open(page);
			waitUntilQuiet();
			violations.put(page, policyViolations());
			assertThat(browser.getPageSource()).as(page).doesNotContain("Something went wrong");
		}
		// Swagger UI is no page of ours, but it is served under the same policy and must work under it. The
		// description is built on its first request, which on a loaded machine can take longer than a wait: build it
		// first, so that the wait below is for the page alone.
		assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
		open("/swagger-ui/index.html");
		waitFor(By.cssSelector(".swagger-ui .opblock"));
		waitUntilQuiet();
		violations.put("/swagger-ui/index.html", policyViolations());
		assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
	}

	@Test
	void chartBarsAreSizedWithoutStyleAttributes() {
		long customer = newCustomer(unique("Bar Chart"));
		sell(customer, newItem(unique("Bar tea"), "BAR-" + System.nanoTime(), "", "5.00"));
		signInAsOwner();
		open("/reports");
		waitUntilQuiet();
		var bar = waitFor(By.cssSelector("[data-bar-width]"));
		assertThat(bar.getAttribute("style")).as("set by backroom.js").contains("width");
		assertThat(policyViolations()).isEmpty();
	}

	@Test
	void theWatcherSeesAViolationWhenThereIsOne() {
		signInAsOwner();
		open("/");
		waitUntilQuiet();
		((JavascriptExecutor) browser).executeScript(
				"document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">inline</div>')");
		// The report is an event the browser queues: wait for it rather than for a fixed time.
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !policyViolations().isEmpty());
		assertThat(policyViolations()).anySatisfy(found -> assertThat(found).startsWith("style-src"));
	}

}
