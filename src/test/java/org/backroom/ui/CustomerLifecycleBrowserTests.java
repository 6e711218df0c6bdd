package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A customer's lifecycle as staff click it: deactivate, the blocked delete, the trash, and what a cashier sees. */
class CustomerLifecycleBrowserTests extends BrowserTest {

	@Test
	void deactivatingACustomerHidesItFromTheTillAndTheDefaultListButKeepsItsOrders() {
		String name = unique("Dora Deact");
		long id = newCustomer(name);
		long item = newItem("Oat milk", "OAT-" + id, "", "2.10");
		String order = sell(id, item);

		signInAsOwner();
		open("/customers/" + id);
		screenshot("customer-page");
		chooseAction("deactivate");
		screenshot("customer-deactivate-dialog");
		confirmWithReason("Moved away");
		waitForText(By.id("status"), "Inactive");

		open("/sales/new");
		browser.findElement(By.id("customer-search")).sendKeys(name);
		WebElement options = waitFor(By.cssSelector("#customer-options[data-query='" + name + "']"));
		assertThat(options.getText()).contains("No active customer matches").doesNotContain(name);

		open("/customers?q=" + encode(name));
		waitFor(By.cssSelector("#results[data-query='" + name + "']"));
		assertThat(browser.findElement(By.id("results")).findElements(By.linkText(name))).isEmpty();
		browser.findElement(By.id("filter-all")).click();
		WebElement row = waitFor(By.xpath("//tr[td/a[text()='" + name + "']]"));
		assertThat(row.getAttribute("class")).contains("inactive");
		assertThat(row.getText()).contains("Inactive");
		screenshot("customer-list-all");

		row.findElement(By.linkText(name)).click();
		waitForText(By.id("history"), order);
	}

	@Test
	void deletingACustomerWithOrdersIsRefusedWithTheReasonAndOffersDeactivation() {
		String name = unique("Olga Orders");
		long id = newCustomer(name);
		sell(id, newItem("Rye bread", "RYE-" + id, "", "3.40"));

		signInAsOwner();
		open("/customers/" + id);
		WebElement dialog = chooseAction("delete");
		assertThat(dialog.findElement(By.id("refusal")).getText()).containsIgnoringCase("on 1 sales order");
		assertThat(dialog.findElements(By.id("reason"))).isEmpty();
		screenshot("customer-delete-blocked");

		dialog.findElement(By.id("instead-reason")).sendKeys("Keeps her history");
		dialog.findElement(By.xpath(".//button[text()='Deactivate instead']")).click();
		waitForText(By.id("status"), "Inactive");
		assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("deactivated");
		assertThat(api.get("/api/customers/" + id).json().path("status").asString()).isEqualTo("INACTIVE");
	}

	@Test
	void deletingACustomerWithoutOrdersSendsItToTheTrashAndRestoringBringsItBack() {
		String name = unique("Typo Tim");
		long id = newCustomer(name);

		signInAsOwner();
		open("/customers/" + id);
		chooseAction("delete");
		confirmWithReason("Entered by mistake");
		waitForText(By.id("status"), "In trash");

		open("/customers?q=" + encode(name));
		browser.findElement(By.id("filter-deleted")).click();
		waitFor(By.xpath("//tr[td/a[text()='" + name + "']]"));

		open("/trash");
		WebElement row = waitFor(By.xpath("//tr[td/a[contains(text(), '" + name + "')]]"));
		assertThat(row.getText()).contains("Entered by mistake").contains("30");
		screenshot("trash");
		row.findElement(By.linkText("Restore")).click();
		waitFor(By.cssSelector("#action-dialog[data-verb='restore']"));
		confirmWithReason("It was right after all");
		waitForText(By.cssSelector(".alert.ok"), "restored");
		assertThat(browser.findElements(By.xpath("//tr[td/a[contains(text(), '" + name + "')]]"))).isEmpty();
		assertThat(api.get("/api/customers/" + id).json().path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aCashierSeesNoReactivateOrDelete() {
		long inactive = newCustomer(unique("Ina Active"));
		api.post("/api/customers/" + inactive + "/deactivate", Map.of("reason", "closed"));
		long active = newCustomer(unique("Al Active"));

		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		for (long id : new long[] { inactive, active }) {
			open("/customers/" + id);
			waitFor(By.id("status"));
			assertThat(browser.findElements(By.id("action-reactivate"))).isEmpty();
			assertThat(browser.findElements(By.id("action-delete"))).isEmpty();
			assertThat(browser.findElements(By.id("action-deactivate"))).isEmpty();
		}
		assertThat(browser.findElement(By.tagName("nav")).getText()).contains("New sale").doesNotContain("Approvals");
	}

	private static String encode(String text) {
		return org.backroom.support.Api.encode(text);
	}

}
