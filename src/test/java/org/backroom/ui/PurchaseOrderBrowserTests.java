package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Buying stock as a manager clicks it: draft, order, receive, and the shelf has more. */
class PurchaseOrderBrowserTests extends BrowserTest {

	@Test
	void creatingOrderingAndReceivingAPurchaseOrderRaisesTheItemsStockShownOnItsPage() {
		String supplier = unique("Hill Dairy");
		api.post("/api/suppliers", Map.of("name", supplier));
		String itemName = unique("Goat cheese");
		var created = api.post("/api/items", Map.of("sku", "GC-" + System.nanoTime(), "name", itemName, "price", "7.90",
				"cost", "4.10", "trackStock", true));
		assertThat(created.status()).as("item: %s", created).isEqualTo(201);
		long item = created.json().path("id").asLong();

		signIn(newStaff("Manager"), STAFF_PASSWORD);
		open("/purchase-orders/new");
		browser.findElement(By.id("supplier-search")).sendKeys(supplier);
		waitFor(By.xpath("//ul[@id='supplier-options']//button[contains(., '" + supplier + "')]")).click();
		waitForText(By.id("chosen-supplier"), supplier);
		browser.findElement(By.id("item-search")).sendKeys(itemName);
		waitFor(By.xpath("//ul[@id='item-options']//button[contains(., '" + itemName + "')]")).click();
		WebElement quantity = waitFor(By.cssSelector("#lines tr.line input.qty"));
		assertThat(browser.findElement(By.cssSelector("#lines tr.line input.cost")).getAttribute("value")).isEqualTo("4.10");
		quantity.clear();
		quantity.sendKeys("12");
		screenshot("purchase-order-new");
		browser.findElement(By.id("create-po")).click();

		waitForText(By.id("po-status"), "Draft");
		assertThat(browser.findElement(By.id("po-total")).getText()).isEqualTo("49.20");
		assertThat(browser.findElements(By.id("po-receive"))).as("a draft cannot be received yet").isEmpty();
		browser.findElement(By.id("po-order")).click();
		waitForText(By.id("po-status"), "Ordered");
		browser.findElement(By.id("po-receive")).click();
		waitForText(By.id("po-status"), "Received");
		assertThat(browser.findElements(By.id("po-order"))).isEmpty();
		assertThat(browser.findElements(By.id("po-cancel"))).isEmpty();
		String number = browser.findElement(By.cssSelector("h1 span")).getText();
		screenshot("purchase-order-page");

		browser.findElement(By.xpath("//a[contains(., '" + itemName + "')]")).click();
		waitForText(By.id("stock"), "12");
		waitForText(By.id("item-purchases"), number);
		screenshot("item-page-after-receiving");
	}

}
