package org.backroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 13, point 7: the Webhooks section of the settings: add, see the secret once, the log, redeliver, pause, delete. */
class WebhookBrowserTests extends BrowserTest {

	/** Nothing listens here, so every delivery fails and stays in the log with its error. */
	private static final String NOBODY = "http://127.0.0.1:9/shop-hook";

	@AfterEach
	void removeEndpoints() {
		api.get("/api/webhooks").json().path("items").forEach(hook -> api.delete("/api/webhooks/" + hook.path("id").asLong()));
	}

	@Test
	void anOwnerAddsAWebhookSeesItsSecretOnceReadsTheLogRedeliversPausesAndDeletesIt() {
		signInAsOwner();
		open("/settings");
		waitFor(By.id("open-webhooks")).click();
		waitFor(By.id("url")).sendKeys("ftp://not-for-webhooks");
		browser.findElement(By.id("add-webhook-button")).click();
		assertThat(waitFor(By.id("url-error")).getText()).contains("http:// or https://");

		WebElement url = browser.findElement(By.id("url"));
		url.clear();
		url.sendKeys(NOBODY);
		browser.findElement(By.id("scope-some")).click();
		browser.findElement(By.id("type-CustomerDeactivated")).click();
		browser.findElement(By.id("description")).sendKeys("The web shop");
		browser.findElement(By.id("add-webhook-button")).click();
		assertThat(waitFor(By.id("new-secret")).getText()).startsWith("whsec_");
		waitUntilQuiet();
		assertThat(seriousAccessibilityViolations()).isEmpty();
		long id = api.get("/api/webhooks").json().path("items").get(0).path("id").asLong();
		assertThat(browser.findElement(By.id("webhook-" + id)).getText()).contains(NOBODY, "CustomerDeactivated", "Active");

		long customer = newCustomer(unique("Hook Customer"));
		api.post("/api/customers/" + customer + "/deactivate", Map.of("reason", "Moved"));
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/webhooks/" + id + "/deliveries").json()
			.path("items").path(0).path("attempts").asInt() >= 1);
		browser.findElement(By.id("log-" + id)).click();
		WebElement row = waitFor(By.cssSelector("#deliveries tr.delivery"));
		assertThat(row.getText()).contains("CustomerDeactivated", "Could not deliver");
		waitUntilQuiet();
		assertThat(seriousAccessibilityViolations()).isEmpty();
		row.findElement(By.cssSelector("button[id^=redeliver-]")).click();
		waitForText(By.cssSelector("#delivery-log .alert.ok"), "queued again");
		assertThat(browser.findElements(By.cssSelector("#deliveries tr.delivery"))).hasSize(2);
		assertThat(policyViolations()).isEmpty();

		open("/settings/webhooks");
		waitFor(By.id("pause-" + id)).click();
		waitForText(By.cssSelector(".alert.ok"), "paused");
		assertThat(browser.findElement(By.id("webhook-" + id)).getText()).contains("Paused");
		assertThat(api.get("/api/webhooks/" + id).json().path("active").asBoolean()).isFalse();
		browser.findElement(By.id("delete-" + id)).click();
		waitForText(By.cssSelector(".alert.ok"), "removed");
		assertThat(browser.findElements(By.id("webhook-" + id))).isEmpty();
		assertThat(api.get("/api/webhooks/" + id).status()).isEqualTo(404);
		assertThat(List.of("webhook.create", "webhook.redeliver", "webhook.pause", "webhook.delete"))
			.allMatch(action -> api.get("/api/audit?action=" + action + "&recordKind=webhook&recordId=" + id).json()
				.path("items").size() == 1);
	}

}
