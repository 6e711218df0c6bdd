package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A staff user's page, as an owner reads it. */
class StaffBrowserTests extends BrowserTest {

	@Test
	void aStaffUsersPageShowsTheSalesTheyProcessed() {
		String cashier = newStaff("Cashier");
		long item = newItem(unique("Mint tea"), "MT-" + System.nanoTime(), "", "2.80");
		var sold = anonymous.as(cashier, STAFF_PASSWORD).post("/api/sales-orders", Map.of("payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", 1))));
		assertThat(sold.status()).as("sale: %s", sold).isEqualTo(201);
		String number = sold.json().path("number").asString();
		long id = api.get("/api/staff?q=" + Api.encode(cashier)).json().path("items").get(0).path("id").asLong();

		signInAsOwner();
		open("/staff");
		browser.findElement(By.id("q")).sendKeys(cashier);
		waitFor(By.cssSelector("#results[data-query='" + cashier + "']"));
		browser.findElement(By.linkText("Staff " + cashier)).click();
		waitForText(By.id("history"), number);
		assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("Cashier");
		assertThat(browser.getCurrentUrl()).endsWith("/staff/" + id);
		screenshot("staff-page");
	}

}
