package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backroom.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Items as staff click them: the list's filters, the purchase order picker, and the blocked delete. */
class ItemBrowserTests extends BrowserTest {

	@Test
	void anInactiveItemIsNotOfferedByThePurchaseOrderPickerAndTheInactiveFilterFindsIt() {
		String name = unique("Retired kettle");
		long id = newItem(name, "KET-" + System.nanoTime(), "", "19.90");
		api.post("/api/items/" + id + "/deactivate", Map.of("reason", "discontinued by the maker"));

		signInAsOwner();
		open("/purchase-orders/new");
		browser.findElement(By.id("item-search")).sendKeys(name);
		WebElement options = waitFor(By.cssSelector("#item-options[data-query='" + name + "']"));
		assertThat(options.getText()).contains("No active item matches").doesNotContain(name);
		screenshot("purchase-order-picker-no-inactive");

		open("/items?q=" + Api.encode(name));
		waitFor(By.cssSelector("#results[data-query='" + name + "']"));
		assertThat(browser.findElement(By.id("results")).findElements(By.linkText(name))).isEmpty();
		browser.findElement(By.id("filter-inactive")).click();
		WebElement row = waitFor(By.xpath("//tr[td/a[text()='" + name + "']]"));
		assertThat(row.getAttribute("class")).contains("inactive");
		assertThat(row.getText()).contains("Inactive");
		screenshot("item-list-inactive");
	}

	@Test
	void deletingAnItemThatWasSoldIsRefusedWithTheReasonAndOffersDeactivation() {
		String name = unique("Sold soap");
		long item = newItem(name, "SOAP-" + System.nanoTime(), "", "3.20");
		sell(newCustomer(unique("Buyer")), item);

		signInAsOwner();
		open("/items/" + item);
		waitForText(By.id("item-sales"), "3.20");
		screenshot("item-page");
		WebElement dialog = chooseAction("delete");
		assertThat(dialog.findElement(By.id("refusal")).getText()).containsIgnoringCase("on 1 sales order line");
		assertThat(dialog.findElements(By.id("reason"))).isEmpty();
		screenshot("item-delete-blocked");

		dialog.findElement(By.id("instead-reason")).sendKeys("Keeps its sales history");
		dialog.findElement(By.xpath(".//button[text()='Deactivate instead']")).click();
		waitForText(By.id("status"), "Inactive");
		assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("deactivated");
		assertThat(api.get("/api/items/" + item).json().path("status").asString()).isEqualTo("INACTIVE");
	}

}
