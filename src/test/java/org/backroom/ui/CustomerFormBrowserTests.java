package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The customer form, as a clerk fills it in: labelled fields, errors beside them, nothing typed lost. */
class CustomerFormBrowserTests extends BrowserTest {

	@Test
	void aRefusedFormShowsEachErrorBesideItsFieldAndKeepsWhatWasTyped() {
		signInAsOwner();
		open("/customers/new");
		assertThat(waitFor(By.cssSelector("label[for='email']")).getText()).isEqualTo("Email");
		assertThat(browser.findElement(By.cssSelector("label[for='taxNumber']")).getText()).isEqualTo("Tax number");

		browser.findElement(By.id("email")).sendKeys("not-an-email");
		browser.findElement(By.id("phone")).sendKeys("+1 555 0100");
		browser.findElement(By.id("notes")).sendKeys("Prefers mornings");
		browser.findElement(By.cssSelector("main form[action='/customers/new'] button[type='submit']")).click();

		waitFor(By.id("name-error"));
		assertThat(browser.findElement(By.id("name-error")).getText()).contains("required");
		assertThat(browser.findElement(By.id("email-error")).getText()).contains("email");
		assertThat(value("email")).isEqualTo("not-an-email");
		assertThat(value("phone")).isEqualTo("+1 555 0100");
		assertThat(browser.findElement(By.id("notes")).getAttribute("value")).isEqualTo("Prefers mornings");
		screenshot("customer-form-errors");

		String name = unique("Formal Fiona");
		browser.findElement(By.id("name")).sendKeys(name);
		WebElement email = browser.findElement(By.id("email"));
		email.clear();
		email.sendKeys("fiona@example.com");
		browser.findElement(By.cssSelector("main form[action='/customers/new'] button[type='submit']")).click();
		waitForText(By.tagName("h1"), name);
	}

	private String value(String id) {
		return String.valueOf(browser.findElement(By.id(id)).getAttribute("value"));
	}

}
