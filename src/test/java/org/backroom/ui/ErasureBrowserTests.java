package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Erasing a customer as an owner clicks it: the legal hold first, then the preview, the erasure and the badge. */
class ErasureBrowserTests extends BrowserTest {

	@Test
	void anOwnerHoldsReleasesAndErasesACustomerAfterReadingWhatWillBeBlanked() {
		String name = unique("Erin Erasable");
		long id = newCustomer(name);
		String order = sell(id, newItem("Erasure scones", "ERS-" + id, "", "2.80"));

		signInAsOwner();
		open("/customers/" + id);
		WebElement panel = waitFor(By.id("privacy-panel"));
		assertThat(panel.findElement(By.id("personal-data-json")).getAttribute("href"))
			.endsWith("/api/customers/" + id + "/personal-data");
		assertThat(panel.findElement(By.id("personal-data-zip")).getAttribute("href")).endsWith("format=zip");
		panel.findElement(By.id("hold-reason")).sendKeys("Pending dispute");
		panel.findElement(By.id("hold-set")).click();
		waitForText(By.id("legal-hold"), "Pending dispute");
		screenshot("customer-legal-hold");

		browser.findElement(By.cssSelector("details.menu summary")).click();
		browser.findElement(By.id("action-erase")).click();
		waitForText(By.id("refusal"), "legal hold");
		browser.findElement(By.linkText("Close")).click();

		waitFor(By.id("release-reason")).sendKeys("Dispute settled");
		browser.findElement(By.id("hold-release")).click();
		waitForText(By.cssSelector(".alert.ok"), "released");

		browser.findElement(By.cssSelector("details.menu summary")).click();
		browser.findElement(By.id("action-erase")).click();
		WebElement preview = waitFor(By.id("erase-preview"));
		assertThat(preview.findElement(By.id("erase-fields")).getText()).contains("name", "email", "phone", "notes");
		assertThat(preview.getText()).contains("salesOrders: 1");
		screenshot("customer-erase-dialog");
		browser.findElement(By.id("reason")).sendKeys("Asked to be forgotten");
		browser.findElement(By.id("erase-confirm")).click();

		waitForText(By.id("status"), "Erased");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Erased customer C").doesNotContain(name);
		waitForText(By.id("history"), order);
		screenshot("customer-erased");
	}

}
