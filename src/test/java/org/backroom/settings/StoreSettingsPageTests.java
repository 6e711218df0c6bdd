package org.backroom.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The store's name and address are set on the settings page, and the next receipt prints them. */
@BackroomTest
class StoreSettingsPageTests extends ApiTest {

	@Test
	void theStoreNameAndAddressSavedOnTheSettingsPageArePrintedOnTheReceipt() {
		FormSession browser = FormSession.browser(port());
		assertThat(browser.signIn("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
		String name = uniqueName("Corner Shop");
		try {
			var saved = browser.postForm("/settings", form(browser, name, "1 High Street\r\nLittle Town"), "Accept",
					"text/html");
			assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
			String page = browser.get("/settings").body();
			assertThat(page).contains("Settings saved.").contains("value=\"" + name + "\"")
				.contains(">1 High Street\nLittle Town</textarea>");

			JsonNode jam = item(api, uniqueName("Receipt jam"), "2.50");
			long sale = sold(api, null, "CASH", line(jam.path("id").asLong(), 1)).path("id").asLong();
			String receipt = browser.get("/sales/" + sale + "/receipt").body();
			assertThat(receipt).contains("id=\"receipt-store\">" + name + "<")
				.contains("id=\"receipt-address\">1 High Street\nLittle Town<");
		}
		finally {
			api.patch("/api/settings", Map.of("store", Map.of("name", StoreDetails.DEFAULT_NAME, "address", "")));
		}
	}

	@Test
	void aBlankStoreNameIsRefusedBesideItsFieldAndChangesNothing() {
		FormSession browser = FormSession.browser(port());
		assertThat(browser.signIn("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
		String before = storeName(browser.get("/settings").body());

		var refused = browser.postForm("/settings", form(browser, "   ", "Somewhere"), "Accept", "text/html");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"storeName-error\">must be text of at most 100 characters, not blank<")
			.contains(">Somewhere</textarea>");
		assertThat(storeName(browser.get("/settings").body())).isEqualTo(before).isNotBlank();
	}

	private static String storeName(String page) {
		Matcher input = Pattern.compile("<input id=\"storeName\"[^>]*value=\"([^\"]*)\"").matcher(page);
		assertThat(input.find()).as("the store name field in %s", page).isTrue();
		return input.group(1);
	}

	/** The settings form as the page would send it now, with the store's name and address as given. */
	private List<Map.Entry<String, String>> form(FormSession browser, String name, String address) {
		JsonNode settings = api.get("/api/settings").json();
		List<Map.Entry<String, String>> form = new ArrayList<>();
		settings.path("approvals").properties().forEach(approval -> {
			if (approval.getValue().asBoolean()) {
				form.add(Map.entry("approval", approval.getKey()));
			}
		});
		form.add(Map.entry("deleteReferenced", settings.path("lifecycle").path("deleteReferenced").asString()));
		form.add(Map.entry("retentionDays", settings.path("trash").path("retentionDays").asString()));
		form.add(Map.entry("storeName", name));
		form.add(Map.entry("storeAddress", address));
		form.add(Map.entry("_csrf", browser.pageToken()));
		return form;
	}

}
