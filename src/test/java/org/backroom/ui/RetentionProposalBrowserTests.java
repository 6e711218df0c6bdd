package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention review's proposed erasure on its page: the records it would erase or skip, then Start. */
class RetentionProposalBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOwnerReadsTheProposedErasureAndStartsIt() {
		long gone = oldInactiveCustomer(unique("Proposed Petra"));
		long held = oldInactiveCustomer(unique("Held Henrik"));
		api.post("/api/customers/" + held + "/legal-hold", Map.of("reason", "tax inspection"));
		long job;
		policy(40);
		try {
			job = api.post("/api/privacy/retention-review", null).json().path("erasure").path("id").asLong();
		}
		finally {
			policy(null);
		}

		signInAsOwner();
		open("/bulk-jobs/" + job);
		waitForText(By.id("job-status"), "Proposed");
		assertThat(browser.findElement(By.id("proposed-note")).getText()).contains("system:retention-review");
		assertThat(browser.findElement(By.cssSelector("[data-record='" + gone + "']")).getText()).contains("to do");
		assertThat(browser.findElement(By.cssSelector("[data-record='" + held + "']")).getText())
			.contains("skipped", "legal hold");
		screenshot("retention-proposal");
		browser.findElement(By.id("proposal-reason")).sendKeys("Retention policy");
		browser.findElement(By.id("start-job")).click();

		waitForText(By.id("job-status"), "Done");
		assertThat(browser.findElements(By.id("start-job"))).isEmpty();
		assertThat(api.get("/api/customers/" + gone).json().path("status").asString()).isEqualTo("ERASED");
		assertThat(api.get("/api/customers/" + held).json().path("status").asString()).isEqualTo("INACTIVE");
	}

	private void policy(Integer years) {
		Map<String, Object> retention = new HashMap<>();
		retention.put("deactivateAfterMonthsWithoutSale", null);
		retention.put("eraseAfterYearsInactive", years);
		api.patch("/api/settings", Map.of("privacy", Map.of("retention", retention)));
	}

	/** An inactive customer whose last sale and whose record are from 1980: older than any test's own. */
	private long oldInactiveCustomer(String name) {
		long customer = newCustomer(name);
		long item = newItem("Retention biscuits", "RB-" + customer, "", "1.20");
		sell(customer, item);
		jdbc.sql("UPDATE sales_orders SET created_at = timestamptz '1980-06-01 12:00Z' WHERE customer_id = ?")
			.param(customer).update();
		jdbc.sql("UPDATE customers SET created_at = timestamptz '1980-01-01 12:00Z' WHERE id = ?").param(customer)
			.update();
		api.post("/api/customers/" + customer + "/deactivate", Map.of("reason", "moved away"));
		return customer;
	}

}
