package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Four eyes in the browser: a manager asks, the owner approves from the inbox. */
class ApprovalBrowserTests extends BrowserTest {

	@AfterEach
	void reactivationNeedsNoApprovalAgain() {
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", false)));
	}

	@Test
	void aManagersReactivationRequestAppearsInTheOwnersInboxAndApprovingItReactivates() {
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", true)));
		String name = unique("Rita Return");
		long id = newCustomer(name);
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "no orders for two years"));

		signIn(newStaff("Manager"), STAFF_PASSWORD);
		open("/customers/" + id);
		browser.findElement(By.cssSelector("details.menu > summary")).click();
		assertThat(waitFor(By.id("action-reactivate")).getText()).isEqualTo("Request reactivation");
		browser.findElement(By.id("action-reactivate")).click();
		waitFor(By.cssSelector("#action-dialog[data-verb='reactivate']"));
		confirmWithReason("She is back in town");
		waitForText(By.cssSelector(".alert.ok"), "Request sent");
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Inactive");

		signInAsOwner();
		waitForText(By.id("approval-figures"), "Waiting for a decision");
		waitFor(By.id("sales-figures"));
		screenshot("dashboard");
		open("/approvals");
		WebElement request = waitFor(By.xpath("//article[.//a[@href='/customers/" + id + "']]"));
		assertThat(request.getText()).contains("Reactivate customer").contains("She is back in town");
		screenshot("approvals-inbox");
		request.findElement(By.tagName("textarea")).sendKeys("Confirmed by phone");
		request.findElement(By.xpath(".//button[text()='Approve']")).click();
		waitForText(By.cssSelector(".alert.ok"), "approved");

		open("/customers/" + id);
		waitForText(By.id("status"), "Active");
		assertThat(api.get("/api/customers/" + id).json().path("status").asString()).isEqualTo("ACTIVE");
	}

}
