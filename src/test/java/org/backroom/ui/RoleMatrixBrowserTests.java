package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The permission matrix as the owner uses it: built-in roles stay as shipped, a clone is changed and saved. */
class RoleMatrixBrowserTests extends BrowserTest {

	@Test
	void theOwnerClonesABuiltInRoleTicksAPermissionAndTheChangeShows() {
		signInAsOwner();
		open("/roles");
		long cashier = roleId(waitFor(By.xpath("//th[@data-role='Cashier']")));
		assertThat(browser.findElement(By.id("perm-" + cashier + "-customer.view")).isEnabled()).isFalse();

		String name = unique("Senior cashier");
		browser.findElement(By.id("clone-name-" + cashier)).sendKeys(name);
		browser.findElement(By.id("clone-role-" + cashier)).click();
		waitForText(By.cssSelector(".alert.ok"), "cloned");
		long copy = roleId(waitFor(By.xpath("//th[@data-role='" + name + "']")));
		WebElement reports = browser.findElement(By.id("perm-" + copy + "-report.view"));
		assertThat(reports.isSelected()).isFalse();
		reports.click();
		browser.findElement(By.id("save-role-" + copy)).click();

		waitForText(By.cssSelector(".alert.ok"), "Role " + name + " was saved");
		assertThat(browser.findElement(By.id("perm-" + copy + "-report.view")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("perm-" + cashier + "-report.view")).isSelected()).isFalse();
		screenshot("roles-matrix");
		assertThat(api.get("/api/roles/" + copy).json().path("permissions").toString()).contains("\"report.view\"");
	}

	private static long roleId(WebElement header) {
		return Long.parseLong(header.getAttribute("id").substring("role-".length()));
	}

}
