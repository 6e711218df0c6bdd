package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The audit trail page: filtered to one record, it shows what was done and why, and the chain is verified. */
class AuditTrailBrowserTests extends BrowserTest {

	@Test
	void theTrailShowsADeactivationWithItsReasonAndTheChainIsIntact() {
		long id = newCustomer(unique("Audra Audit"));
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "Closed her account by letter"));

		signInAsOwner();
		open("/audit");
		waitFor(By.id("filter-recordKind")).sendKeys("customer");
		browser.findElement(By.id("filter-recordId")).sendKeys(String.valueOf(id));
		browser.findElement(By.id("apply-filters")).click();

		WebElement row = waitFor(By.xpath("//table[@id='entries']//tr[td[text()='customer.deactivate']]"));
		assertThat(row.getText()).contains("Closed her account by letter").contains("customer " + id);
		assertThat(browser.findElement(By.id("export")).getAttribute("href"))
			.contains("/api/audit/export").contains("recordKind=customer").contains("recordId=" + id);
		waitForText(By.id("verification"), "Intact, ");
		assertThat(browser.findElement(By.cssSelector("#verification .alert")).getText()).matches("Intact, \\d+ entries");
		// Beside it, folded away, the signed checkpoint to keep elsewhere and the form to verify against one.
		assertThat(browser.findElement(By.id("checkpoint")).getAttribute("textContent")).contains("\"signature\"");
		assertThat(browser.findElements(By.id("verify-since"))).hasSize(1);
		screenshot("audit-trail");
	}

	@Test
	void aRecordPageShowsItsAuditTimelineToThoseWhoMayReadTheTrail() {
		long id = newCustomer(unique("Tilda Timeline"));
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "Asked to close the account"));

		signInAsOwner();
		open("/customers/" + id);
		WebElement deactivation = waitFor(By.xpath("//section[@id='timeline']//tr[td[text()='customer.deactivate']]"));
		assertThat(deactivation.getText()).contains("Asked to close the account").contains("admin");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("customer.create");
		screenshot("customer-timeline");

		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/customers/" + id);
		waitFor(By.id("history"));
		assertThat(browser.findElements(By.id("timeline"))).isEmpty();
	}

	@Test
	void aBadFilterIsShownBesideItsFieldAndKeepsWhatWasTyped() {
		signInAsOwner();
		open("/audit?recordKind=customer&recordId=twelve");
		assertThat(waitFor(By.id("recordId-error")).getText()).contains("whole number");
		assertThat(browser.findElement(By.id("filter-recordId")).getAttribute("value")).isEqualTo("twelve");
	}

}
