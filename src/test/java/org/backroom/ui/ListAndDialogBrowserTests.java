package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Record lists and the record pages' Actions menu and dialogs, by mouse and by keyboard. */
class ListAndDialogBrowserTests extends BrowserTest {

	@Test
	void switchingTheStatusFilterKeepsTheSearchTextAndEachSearchReplacesTheResults() {
		String name = unique("Filter Fiona");
		long id = newCustomer(name);
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "moved away"));

		signInAsOwner();
		open("/customers");
		browser.findElement(By.id("q")).sendKeys("Fiona");
		waitFor(By.cssSelector("#results[data-query='Fiona']"));
		browser.findElement(By.id("q")).sendKeys(" ");
		waitFor(By.cssSelector("#results[data-query='Fiona ']"));
		assertThat(browser.findElements(By.id("results"))).hasSize(1);

		browser.findElement(By.id("filter-all")).click();
		waitFor(By.cssSelector("#results[data-status='all']"));
		assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("Fiona ");
		assertThat(browser.getCurrentUrl()).contains("q=Fiona").contains("status=all");

		browser.findElement(By.id("filter-inactive")).click();
		waitFor(By.cssSelector("#results[data-status='inactive']"));
		assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("Fiona ");
		assertThat(browser.findElement(By.id("results")).getText()).contains(name);
	}

	@Test
	void aCashierAndAnAuditorGetNotAllowedForEveryActionDialogOfEveryKind() {
		long customer = newCustomer(unique("Dialog Dora"));
		long item = newItem(unique("Dialog tea"), "DLG-" + customer, "", "2.00");
		long supplier = api.post("/api/suppliers", Map.of("name", unique("Dialog Supplies"))).json().path("id").asLong();
		long staff = api.get("/api/staff?q=" + newStaff("Cashier")).json().path("items").path(0).path("id").asLong();
		Map<String, Long> records = Map.of("customers", customer, "items", item, "suppliers", supplier, "staff", staff);

		for (String role : List.of("Cashier", "Auditor")) {
			signIn(newStaff(role), STAFF_PASSWORD);
			List<String> offered = new ArrayList<>();
			records.forEach((kind, id) -> {
				for (String verb : List.of("deactivate", "reactivate", "delete", "restore", "purge")) {
					open("/" + kind + "/" + id + "/actions/" + verb);
					waitFor(By.tagName("h1"));
					if (!browser.findElements(By.cssSelector("textarea[name=reason]")).isEmpty()
							|| !browser.findElement(By.tagName("main")).getText().contains("Not allowed")) {
						offered.add(role + " " + kind + " " + verb);
					}
				}
			});
			assertThat(offered).as("dialogs offered without the permission").isEmpty();
		}
	}

	@Test
	void escapeClosesTheActionsMenuAndTheDialogAndGivesTheFocusBack() {
		long id = newCustomer(unique("Escape Emil"));
		signInAsOwner();
		open("/customers/" + id);
		WebElement summary = waitFor(By.cssSelector("details.menu > summary"));
		summary.click();
		waitFor(By.id("action-deactivate"));
		browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		assertThat(browser.findElement(By.cssSelector("details.menu")).getAttribute("open")).isNull();
		assertThat(browser.switchTo().activeElement()).isEqualTo(summary);

		chooseAction("deactivate");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reason");
		browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		Waits.until(browser, driver -> driver.findElements(By.id("action-dialog")).isEmpty());
		assertThat(browser.switchTo().activeElement()).isEqualTo(browser.findElement(By.cssSelector("details.menu > summary")));
		assertThat(seriousAccessibilityViolations()).isEmpty();
	}

}
