package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Merging in the browser: from the duplicate review through the merge dialog, then unmerge from the Actions menu. */
class MergeBrowserTests extends BrowserTest {

	@Test
	void anOwnerMergesAProposedPairAndUndoesItFromTheMergedCustomersPage() {
		String email = unique("twin").replace(' ', '.') + "@example.com";
		long survivor = api.post("/api/customers", Map.of("name", unique("Jon Merge"), "email", email))
			.json().path("id").asLong();
		long duplicate = api.post("/api/customers", Map.of("name", unique("John Merge"), "email", email,
				"phone", "0161 555 0111")).json().path("id").asLong();

		signInAsOwner();
		open("/customers/duplicates");
		By ours = By.cssSelector("tr.duplicate-pair[data-first='" + survivor + "'][data-second='" + duplicate + "']");
		// Other tests' customers are proposed too, in id order: page on with Next until this pair shows.
		waitFor(By.id("duplicates"));
		while (browser.findElements(ours).isEmpty()) {
			browser.findElement(By.id("duplicates-next")).click();
			waitFor(By.id("duplicates"));
		}
		WebElement pair = waitFor(ours);
		assertThat(pair.getText()).contains("Both have the email " + email);
		screenshot("duplicate-review");
		pair.findElement(By.cssSelector("a.merge-link")).click();

		WebElement dialog = waitFor(By.id("merge-dialog"));
		assertThat(dialog.findElement(By.id("merge-fields")).getText()).contains("0161 555 0111");
		dialog.findElement(By.id("field-phone-" + duplicate)).click();
		dialog.findElement(By.id("reason")).sendKeys("One person, two records");
		screenshot("merge-dialog");
		dialog.findElement(By.id("merge-submit")).click();
		waitForText(By.cssSelector(".alert.ok"), "Merged");
		assertThat(api.get("/api/customers/" + survivor).json().path("phone").asString()).isEqualTo("0161 555 0111");

		open("/customers/" + duplicate);
		waitForText(By.id("status"), "Merged");
		WebElement link = waitFor(By.cssSelector("#merged-into a"));
		assertThat(link.getAttribute("href")).endsWith("/customers/" + survivor);
		screenshot("merged-customer");
		chooseAction("unmerge");
		confirmWithReason("Two people after all");
		waitForText(By.cssSelector(".alert.ok"), "undone");
		waitForText(By.id("status"), "Active");
		assertThat(api.get("/api/customers/" + survivor).json().path("phone").isNull()).isTrue();
	}

	@Test
	void anOwnerMergesTwoItemsWithOneBarcodeAndUndoesItFromTheMergedItemsPage() {
		String digits = String.valueOf(System.nanoTime() % 1_000_000_000_000L + 1_000_000_000_000L);
		long survivor = api.post("/api/items", Map.of("sku", unique("MS").replace(' ', '-'), "name", unique("Pea soup"),
				"price", "1.20", "barcode", digits)).json().path("id").asLong();
		long duplicate = api.post("/api/items", Map.of("sku", unique("MD").replace(' ', '-'), "name",
				unique("Soup of peas"), "price", "1.25", "barcode", "0" + digits)).json().path("id").asLong();

		signInAsOwner();
		open("/items/duplicates");
		By ours = By.cssSelector("tr.duplicate-pair[data-first='" + survivor + "'][data-second='" + duplicate + "']");
		waitFor(By.id("duplicates"));
		while (browser.findElements(ours).isEmpty()) {
			browser.findElement(By.id("duplicates-next")).click();
			waitFor(By.id("duplicates"));
		}
		WebElement pair = waitFor(ours);
		assertThat(pair.getText()).contains("are the same number");
		screenshot("item-duplicate-review");
		pair.findElement(By.cssSelector("a.merge-link")).click();

		WebElement dialog = waitFor(By.id("merge-dialog"));
		assertThat(dialog.findElement(By.id("merge-fields")).getText()).contains("1.25");
		dialog.findElement(By.id("field-price-" + duplicate)).click();
		dialog.findElement(By.id("reason")).sendKeys("One soup, two records");
		dialog.findElement(By.id("merge-submit")).click();
		waitForText(By.cssSelector(".alert.ok"), "Merged");
		assertThat(api.get("/api/items/" + survivor).json().path("price").asString()).isEqualTo("1.25");

		open("/items/" + duplicate);
		waitForText(By.id("status"), "Merged");
		WebElement link = waitFor(By.cssSelector("#merged-into a"));
		assertThat(link.getAttribute("href")).endsWith("/items/" + survivor);
		screenshot("merged-item");
		chooseAction("unmerge");
		confirmWithReason("Two soups after all");
		waitForText(By.cssSelector(".alert.ok"), "undone");
		waitForText(By.id("status"), "Active");
		assertThat(api.get("/api/items/" + survivor).json().path("price").asString()).isEqualTo("1.20");
	}

}
