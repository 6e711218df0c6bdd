package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The till, as a cashier uses it. */
class SaleBrowserTests extends BrowserTest {

	@Test
	void aCompletedSaleAppearsInTheCustomersHistory() {
		String name = unique("Hanna History");
		long customer = newCustomer(name);
		String barcode = "400" + customer + "17";
		newItem("Honey jar", "HON-" + customer, barcode, "6.25");

		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/sales/new");
		pickCustomer(name);
		WebElement scan = browser.findElement(By.id("barcode"));
		scan.sendKeys(barcode);
		scan.sendKeys(Keys.ENTER);
		waitFor(By.cssSelector("#lines tr.line"));
		WebElement quantity = browser.findElement(By.cssSelector("#lines tr.line input.qty"));
		quantity.clear();
		quantity.sendKeys("2");
		quantity.sendKeys(Keys.TAB);
		waitForText(By.id("total"), "12.50");
		browser.findElement(By.id("pay-CARD")).click();
		screenshot("till");
		browser.findElement(By.id("complete")).click();

		waitForText(By.id("order-total"), "12.50");
		String flash = browser.findElement(By.cssSelector(".alert.ok")).getText();
		String number = flash.substring("Sale ".length(), flash.indexOf(' ', "Sale ".length()));
		browser.findElement(By.linkText(name)).click();
		waitForText(By.id("history"), number);
		assertThat(browser.findElement(By.id("history")).getText()).contains("2 × Honey jar");
	}

	@Test
	void anInactiveItemCannotBeSold() {
		String name = unique("Ivo Item");
		long customer = newCustomer(name);
		String itemName = unique("Old stock");
		long item = newItem(itemName, "OLD-" + customer, "", "1.99");

		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/sales/new");
		pickCustomer(name);
		browser.findElement(By.id("item-search")).sendKeys(itemName);
		waitFor(By.xpath("//ul[@id='item-options']//button[contains(., '" + itemName + "')]")).click();
		waitFor(By.cssSelector("#lines tr.line"));
		waitForText(By.id("total"), "1.99");

		// Meanwhile, in the back office, the item is taken off sale.
		api.post("/api/items/" + item + "/deactivate", Map.of("reason", "discontinued"));
		browser.findElement(By.id("complete")).click();

		WebElement problem = waitFor(By.id("sale-problem"));
		assertThat(problem.getText()).containsIgnoringCase("inactive").contains(itemName);
		assertThat(browser.findElements(By.cssSelector("#lines tr.line"))).hasSize(1);
		assertThat(browser.findElement(By.id("chosen-customer")).getText()).contains(name);
		screenshot("till-refused");
		assertThat(api.get("/api/sales-orders?customerId=" + customer).json().path("items").size()).isZero();

		browser.findElement(By.id("item-search")).sendKeys(itemName);
		WebElement options = waitFor(By.cssSelector("#item-options[data-query='" + itemName + "']"));
		assertThat(options.getText()).contains("No active item matches");
	}

	private void pickCustomer(String name) {
		browser.findElement(By.id("customer-search")).sendKeys(name);
		waitFor(By.xpath("//ul[@id='customer-options']//button[contains(., '" + name + "')]")).click();
		waitForText(By.id("chosen-customer"), name);
	}

}
