package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dashboard and the approvals inbox, read as a store owner reads them. */
class DashboardBrowserTests extends BrowserTest {

	@Test
	void theDashboardChartsSalesByDayAgainstLastYearReadablyAndTheApprovalsCardRenders() {
		long customer = newCustomer(unique("Chart Chloe"));
		sell(customer, newItem(unique("Chart tea"), "CHT-" + customer, "", "4.50"));
		signInAsOwner();
		open("/");
		WebElement days = waitFor(By.cssSelector("#days-chart svg"));
		assertThat(days.findElements(By.cssSelector("rect.now"))).hasSizeGreaterThanOrEqualTo(28);
		assertThat(days.findElements(By.cssSelector("line.axis"))).hasSize(2);
		assertThat(days.findElement(By.xpath(".//*[local-name()='rect'][@class='now']/*[local-name()='title']"))
			.getAttribute("textContent")).matches("1: \\d+\\.\\d\\d");
		assertThat(days.findElement(By.xpath(".//*[local-name()='rect'][@class='before']/*[local-name()='title']"))
			.getAttribute("textContent")).matches("1 last year: \\d+\\.\\d\\d");
		// Today's sale stands as this year's bar of today, not last year's.
		int today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getDayOfMonth();
		WebElement todays = days.findElement(By.xpath(".//*[local-name()='rect'][@class='now'][*[local-name()='title'][starts-with(., '"
				+ today + ": ')]]"));
		assertThat(Integer.parseInt(todays.getAttribute("height"))).isPositive();
		List<WebElement> spoken = browser.findElements(By.cssSelector("#days-chart .visually-hidden table tbody tr"));
		assertThat(spoken).hasSize(days.findElements(By.cssSelector("rect.now")).size());
		assertThat(browser.findElement(By.id("month-against-last-year")).getText()).startsWith("Same days last year:");
		assertThat(browser.findElement(By.id("sales-figures")).getText()).doesNotContainPattern("\\b1 orders");
		assertThat(waitFor(By.id("approvals-waiting")).getText()).contains("Waiting for a decision");
		String shown = browser.findElement(By.cssSelector(".who")).getText();
		assertThat(shown).isEqualTo(api.get("/api/me").json().path("displayName").asString());
		waitUntilQuiet();
		assertThat(seriousAccessibilityViolations()).isEmpty();
		screenshot("dashboard");
	}

	@Test
	void theApprovalsInboxNamesTheRecordInWordsWithALink() {
		String name = unique("Ada Dubois");
		long id = newCustomer(name);
		String code = api.get("/api/customers/" + id).json().path("code").asString();
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "moved away"));
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", true)));
		try {
			assertThat(api.post("/api/customers/" + id + "/reactivate", Map.of("reason", "she is back")).status())
				.isEqualTo(202);
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", false)));
		}
		signIn(newStaff("Manager"), STAFF_PASSWORD);
		open("/approvals");
		WebElement request = waitFor(By.xpath("//article[.//a[contains(., '" + name + "')]]"));
		assertThat(request.findElement(By.tagName("h2")).getText())
			.startsWith("Reactivate customer " + name + " (" + code + ")").contains("Pending");
		assertThat(request.findElement(By.cssSelector("a.request-record")).getAttribute("href")).endsWith("/customers/" + id);
		assertThat(seriousAccessibilityViolations()).isEmpty();
		screenshot("approvals-named");
	}

}
