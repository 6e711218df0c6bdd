package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Reports keep what inactive records did, marked with their status now. */
class ReportBrowserTests extends BrowserTest {

	@Test
	void salesByCustomerShowsAnInactiveCustomersSalesMarkedInactive() {
		String name = unique("Ivy Inactive");
		long id = newCustomer(name);
		sell(id, newItem("Tea", "TEA-" + id, "", "4.50"));
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "closed the account"));

		signInAsOwner();
		open("/reports");
		WebElement row = waitFor(By.xpath("//table[@id='report']//tr[td[text()='" + name + "']]"));
		assertThat(row.getAttribute("class")).contains("inactive");
		assertThat(row.getText()).contains("Inactive").contains("4.50");
		assertThat(browser.findElement(By.id("csv")).getAttribute("href"))
			.contains("/api/reports/sales-by-customer").contains("format=csv");
		screenshot("report-sales-by-customer");
	}

}
