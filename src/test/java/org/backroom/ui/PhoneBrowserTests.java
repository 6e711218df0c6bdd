package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Backroom on a phone, 390 pixels wide: nothing falls off the screen and nothing scrolls sideways. */
class PhoneBrowserTests extends BrowserTest {

	@BeforeEach
	void phone() {
		browser.manage().window().setSize(new Dimension(390, 844));
	}

	@AfterEach
	void desktop() {
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void theNavigationFoldsIntoAMenuButtonAndTheActionsMenuOpensInsideTheScreen() {
		long id = newCustomer(unique("Phone Pia"));
		signInAsOwner();
		open("/customers/" + id);
		WebElement toggle = waitFor(By.id("nav-toggle"));
		assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isFalse();
		toggle.click();
		waitFor(By.id("main-nav"));
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.findElement(By.linkText("Customers")).isDisplayed()).isTrue();
		screenshot("phone-menu");
		toggle.click();

		browser.findElement(By.cssSelector("details.menu > summary")).click();
		WebElement menu = waitFor(By.cssSelector("details.menu ul"));
		long width = viewportWidth();
		assertThat(menu.getRect().getX()).isGreaterThanOrEqualTo(0);
		assertThat(menu.getRect().getX() + menu.getRect().getWidth()).isLessThanOrEqualTo((int) width);
		screenshot("phone-actions-menu");
	}

	@Test
	void theRolesAndReportsPagesDoNotScrollSideways() {
		signInAsOwner();
		for (String page : new String[] { "/roles", "/reports", "/customers", "/sales/new", "/" }) {
			open(page);
			waitUntilQuiet();
			assertThat(pageWidth()).as(page + " is as wide as the screen; too wide: " + tooWide())
				.isLessThanOrEqualTo(viewportWidth());
		}
	}

	/** The outermost elements that reach past the screen's right edge, to say what to fix. */
	private Object tooWide() {
		return ((JavascriptExecutor) browser).executeScript("""
				var width = document.documentElement.clientWidth;
				return Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
				  return e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap');
				}).slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');""");
	}

	private long viewportWidth() {
		return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
	}

	private long pageWidth() {
		return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
	}

}
