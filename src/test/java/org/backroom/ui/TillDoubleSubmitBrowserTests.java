package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A cashier who clicks "Complete sale" twice, or whose browser sends the form again, sells once. */
class TillDoubleSubmitBrowserTests extends BrowserTest {

	@Test
	void theTillSendingTheSameSaleTwiceRecordsOneOrder() {
		String name = unique("Double Dora");
		long customer = newCustomer(name);
		String barcode = "500" + customer + "23";
		newItem("Oat milk", "OAT-" + customer, barcode, "2.40");

		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/sales/new");
		String key = browser.findElement(By.id("idempotency-key")).getAttribute("value");
		assertThat(browser.getPageSource()).contains("name=\"idempotencyKey\"").contains(key);
		assertThat(key).matches("[0-9a-f-]{36}");
		browser.findElement(By.id("customer-search")).sendKeys(name);
		waitFor(By.xpath("//ul[@id='customer-options']//button[contains(., '" + name + "')]")).click();
		waitForText(By.id("chosen-customer"), name);
		WebElement scan = browser.findElement(By.id("barcode"));
		scan.sendKeys(barcode);
		scan.sendKeys(Keys.ENTER);
		waitFor(By.cssSelector("#lines tr.line"));
		waitForText(By.id("total"), "2.40");

		// The same form sent twice at once, as a double click or a resend does: both requests reach the server.
		@SuppressWarnings("unchecked")
		List<String> landedOn = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const form = document.getElementById('sale');
				const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
				Promise.all([send(), send()]).then(answers => done(answers.map(a => a.status + ' ' + a.url)));""");

		var orders = api.get("/api/sales-orders?customerId=" + customer).json().path("items");
		assertThat(orders.size()).as("orders after a double submit").isEqualTo(1);
		String order = "/sales/" + orders.get(0).path("id").asLong();
		assertThat(landedOn).hasSize(2).allSatisfy(answer -> assertThat(answer).startsWith("200 ").endsWith(order));

		browser.findElement(By.id("complete")).click();
		waitForText(By.id("order-total"), "2.40");
		assertThat(api.get("/api/sales-orders?customerId=" + customer).json().path("items").size()).isEqualTo(1);

		open("/sales/new");
		assertThat(browser.findElement(By.id("idempotency-key")).getAttribute("value")).isNotEqualTo(key);
	}

	@Test
	void withoutTheKeyTheSameFormWouldSellTwice() {
		// The control: the key is what makes the difference, not the timing of the two requests.
		String name = unique("Control Carl");
		long customer = newCustomer(name);
		long item = newItem("Rye bread", "RYE-" + customer, "", "3.30");
		signIn(newStaff("Cashier"), STAFF_PASSWORD);
		open("/sales/new");
		((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const form = document.getElementById('sale');
				const body = () => {
				  const fields = new URLSearchParams(new FormData(form));
				  fields.delete('idempotencyKey');
				  fields.set('customerId', arguments[0]); fields.set('lines[0].itemId', arguments[1]);
				  fields.set('lines[0].sku', 'RYE'); fields.set('lines[0].name', 'Rye bread');
				  fields.set('lines[0].price', '3.30'); fields.set('lines[0].quantity', '1'); fields.set('payment', 'CASH');
				  return fields;
				};
				Promise.all([1, 2].map(() => fetch(form.action, {method: 'POST', body: body()}))).then(() => done());""",
				customer, item);
		assertThat(api.get("/api/sales-orders?customerId=" + customer).json().path("items").size()).isEqualTo(2);
	}

}
