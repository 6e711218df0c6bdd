package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The till as a cashier complains about it: words they understand, the line to fix, and a receipt to print. */
class TillAndReceiptBrowserTests extends BrowserTest {

	@Test
	void aRefusedItemIsNamedAsTheCashierKnowsItAndItsLineIsHighlighted() {
		String itemName = unique("Green tea 50 bags");
		long item = newItem(itemName, "GT-" + System.nanoTime() % 1_000_000, "", "3.20");
		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/sales/new");
		browser.findElement(By.id("item-search")).sendKeys(itemName);
		waitFor(By.xpath("//ul[@id='item-options']//button[contains(., '" + itemName + "')]")).click();
		waitFor(By.cssSelector("#lines tr.line"));
		// After a pick the next item can be typed at once.
		Waits.until(browser, driver -> "item-search".equals(driver.switchTo().activeElement().getAttribute("id")));

		browser.findElement(By.cssSelector("#lines tr.line button[data-step='1']")).click();
		waitForText(By.id("total"), "6.40");
		assertThat(browser.findElement(By.cssSelector("#lines tr.line [data-line-total]")).getText()).isEqualTo("6.40");
		assertThat(browser.findElement(By.cssSelector("#lines tr.line input.qty")).getSize().getWidth()).isLessThan(100);

		api.post("/api/items/" + item + "/deactivate", Map.of("reason", "discontinued"));
		browser.findElement(By.id("complete")).click();
		WebElement problem = waitFor(By.id("sale-problem-text"));
		assertThat(problem.getText())
			.isEqualTo(itemName + " is no longer sold (inactive). Remove it to finish the sale.")
			.doesNotContain("id ").doesNotContain("reactivate");
		WebElement line = browser.findElement(By.cssSelector("#lines tr.line"));
		assertThat(line.getAttribute("class")).contains("refused");
		assertThat(line.getText()).contains("No longer sold");
		assertThat(line.findElement(By.cssSelector("[data-line-total]")).getText()).isEqualTo("6.40");
		assertThat(seriousAccessibilityViolations()).isEmpty();
		screenshot("till-refused-line");
	}

	@Test
	void afterASaleTheReceiptPrintsTheStoresNameAndAddress() {
		String store = unique("Corner Shop");
		api.patch("/api/settings", Map.of("store", Map.of("name", store, "address", "1 High Street\nLittle Town")));
		String barcode = "77" + System.nanoTime() % 100_000_000;
		String itemName = unique("Honey jar");
		newItem(itemName, "HJ-" + barcode, barcode, "6.25");

		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/sales/new");
		WebElement scan = browser.findElement(By.id("barcode"));
		scan.sendKeys(barcode);
		scan.sendKeys(Keys.ENTER);
		waitFor(By.cssSelector("#lines tr.line"));
		waitForText(By.id("total"), "6.25");
		browser.findElement(By.id("complete")).click();
		waitFor(By.id("receipt-link")).click();

		waitFor(By.id("receipt"));
		assertThat(browser.getTitle()).matches("Receipt \\S+ · Backroom");
		assertThat(browser.findElement(By.id("receipt-store")).getText()).isEqualTo(store);
		assertThat(browser.findElement(By.id("receipt-address")).getText()).contains("1 High Street").contains("Little Town");
		assertThat(browser.findElement(By.id("receipt")).getText()).contains(itemName).contains("6.25");
		assertThat(seriousAccessibilityViolations()).isEmpty();
		screenshot("receipt");
		// Printed, the receipt stands alone: no navigation, no buttons.
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("print")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("receipt")).isDisplayed()).isTrue();
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
		browser.findElement(By.id("other-paper")).click();
		waitFor(By.cssSelector("main.paper-a4 #receipt"));
	}

	@Test
	void theStoreNameIsRefusedWhenBlank() {
		var refused = api.patch("/api/settings", Map.of("store", Map.of("name", " ")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("store.name");
		open("/login");
	}

}
