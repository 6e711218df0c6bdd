package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The settings page changes what the rest of the UI offers, and refuses bad input beside the field. */
class SettingsBrowserTests extends BrowserTest {

	private static final By REACTIVATE_NEEDS_APPROVAL = By.id("approval-customer.reactivate");

	@AfterEach
	void reactivationNeedsNoApprovalAgain() {
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", false)));
	}

	@Test
	void requiringApprovalForReactivationMakesTheCustomerPageOfferARequest() {
		long id = newCustomer(unique("Sue Settings"));
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "moved"));

		signInAsOwner();
		open("/settings");
		setReactivationApproval(true);
		screenshot("settings");
		assertThat(reactivateOffer(id)).isEqualTo("Request reactivation");

		open("/settings");
		setReactivationApproval(false);
		assertThat(reactivateOffer(id)).isEqualTo("Reactivate");
	}

	@Test
	void aBadRetentionIsRefusedBesideTheFieldAndKeepsTheInput() {
		signInAsOwner();
		open("/settings");
		WebElement days = waitFor(By.id("retentionDays"));
		days.clear();
		days.sendKeys("0");
		browser.findElement(By.id("save-settings")).click();
		assertThat(waitFor(By.id("retentionDays-error")).getText()).contains("from 1 to 3650");
		assertThat(browser.findElement(By.id("retentionDays")).getAttribute("value")).isEqualTo("0");
		assertThat(api.get("/api/settings").json().path("trash").path("retentionDays").asInt()).isPositive();
	}

	private void setReactivationApproval(boolean required) {
		WebElement box = waitFor(REACTIVATE_NEEDS_APPROVAL);
		if (box.isSelected() != required) {
			box.click();
		}
		browser.findElement(By.id("save-settings")).click();
		waitForText(By.cssSelector(".alert.ok"), "Settings saved");
		assertThat(browser.findElement(REACTIVATE_NEEDS_APPROVAL).isSelected()).isEqualTo(required);
	}

	private String reactivateOffer(long customer) {
		open("/customers/" + customer);
		browser.findElement(By.cssSelector("details.menu > summary")).click();
		return waitFor(By.id("action-reactivate")).getText();
	}

}
