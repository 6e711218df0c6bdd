package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.backroom.web.Cursor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The dormant-customer review to a bulk deactivation that runs to the end, and its undo. */
class BulkDeactivationBrowserTests extends BrowserTest {

	@Test
	void aBulkDeactivationFromTheReviewRunsToDoneAndUndoBringsTheCustomersBack() {
		api.patch("/api/settings", Map.of("approvals", Map.of("bulk.deactivate", false, "customer.reactivate", false)));
		long first = newCustomer(unique("Dormant Dan"));
		long second = newCustomer(unique("Dormant Deb"));
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

		signInAsOwner();
		// Straight to the review's page that holds these customers, as Next would get there; others stay unticked.
		open("/reports/dormant-customers?since=" + tomorrow + "&cursor=" + new Cursor("", first - 1).encode());
		waitFor(By.id("choose-" + first)).click();
		browser.findElement(By.id("choose-" + second)).click();
		screenshot("dormant-review");
		browser.findElement(By.id("preview-bulk")).click();

		waitForText(By.id("to-process"), "2");
		assertThat(browser.findElement(By.id("skipped-count")).getText()).isEqualTo("0");
		screenshot("bulk-preview");
		browser.findElement(By.id("reason")).sendKeys("No purchase in two years");
		browser.findElement(By.id("start-bulk")).click();

		waitForText(By.id("job-status"), "Done");
		assertThat(waitFor(By.id("progress")).getAttribute("aria-valuenow")).isEqualTo("100");
		assertThat(browser.findElement(By.id("job-counts")).getText()).startsWith("2 done");
		screenshot("bulk-job-done");
		assertThat(status(first)).isEqualTo("INACTIVE");
		assertThat(status(second)).isEqualTo("INACTIVE");

		browser.findElement(By.id("undo-reason")).sendKeys("The list was wrong");
		browser.findElement(By.id("undo-job")).click();
		waitForText(By.tagName("h1"), "reactivate");
		waitForText(By.id("job-status"), "Done");
		assertThat(browser.findElement(By.id("progress")).getAttribute("aria-valuenow")).isEqualTo("100");
		assertThat(status(first)).isEqualTo("ACTIVE");
		assertThat(status(second)).isEqualTo("ACTIVE");
	}

	private String status(long customer) {
		return api.get("/api/customers/" + customer).json().path("status").asString();
	}

}
