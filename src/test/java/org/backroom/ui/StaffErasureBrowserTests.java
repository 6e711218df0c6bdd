package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Erasing a staff member as an owner clicks it: the preview, the erasure, the badge, and no more sign-in. */
class StaffErasureBrowserTests extends BrowserTest {

	@Test
	void anOwnerErasesAStaffMemberWhoThenCannotSignIn() {
		String username = newStaff("Cashier");
		long id = api.get("/api/staff?q=" + username).json().path("items").get(0).path("id").asLong();
		// They could sign in before: the refusal afterwards is the erasure's doing.
		signIn(username, STAFF_PASSWORD);

		signInAsOwner();
		open("/staff/" + id);
		browser.findElement(By.cssSelector("details.menu summary")).click();
		browser.findElement(By.id("action-erase")).click();
		WebElement preview = waitFor(By.id("erase-preview"));
		assertThat(preview.findElement(By.id("erase-fields")).getText()).contains("username", "displayName", "email",
				"password", "sessions");
		screenshot("staff-erase-dialog");
		browser.findElement(By.id("reason")).sendKeys("Left the company and asked to be forgotten");
		browser.findElement(By.id("erase-confirm")).click();

		waitForText(By.id("status"), "Erased");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Erased staff member")
			.doesNotContain(username);
		screenshot("staff-erased");

		browser.manage().deleteAllCookies();
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitForText(By.cssSelector(".alert.error"), "wrong");
		assertThat(browser.findElements(By.cssSelector("form.signout"))).isEmpty();
		assertThat(anonymous.as(username, STAFF_PASSWORD).get("/api/me").status()).isEqualTo(401);
	}

}
