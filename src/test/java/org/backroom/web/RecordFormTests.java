package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The record forms as a person in a browser uses them (a signed-in session, its CSRF token, form posts): what they
 * typed wrong comes back as they typed it with the error beside its field, what the store refuses shows where it
 * belongs, and a refused form writes nothing, not even an audit entry.
 */
@BackroomTest
class RecordFormTests extends ApiTest {

	private FormSession browser;

	@BeforeEach
	void signIn() {
		browser = FormSession.browser(port());
		assertThat(browser.signIn("admin", ADMIN_PASSWORD).status()).isEqualTo(302);
	}

	@Test
	void aCreditLimitThatIsNoAmountIsShownAgainAsTypedWithItsErrorAndNoCustomerIsMade() {
		String name = uniqueName("Typist");

		var refused = post("/customers/new", "name", name, "creditAllowed", "true", "creditLimit", "abc");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(typed(refused, "creditLimit")).isEqualTo("abc");
		assertThat(typed(refused, "name")).isEqualTo(name);
		assertThat(fieldError(refused, "creditLimit")).isEqualTo("must be an amount, such as 250.00");
		assertThat(api.get("/api/customers?status=all&q=" + name.replace(' ', '+')).json().path("items").isEmpty())
			.isTrue();
	}

	@Test
	void anEditedCreditLimitThatIsNoAmountChangesNothing() {
		JsonNode ann = customer(api, Map.of("name", uniqueName("Ann"), "creditAllowed", true, "creditLimit", "100.00"));
		String path = "/api/customers/" + ann.path("id").asLong();
		String before = api.get(path).body();
		int entries = history("customer", ann.path("id").asLong());

		var refused = post("/customers/" + ann.path("id").asLong() + "/edit", "name", "Renamed", "creditAllowed",
				"true", "creditLimit", "12,50", "version", ann.path("version").asString());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(typed(refused, "creditLimit")).isEqualTo("12,50");
		assertThat(typed(refused, "name")).isEqualTo("Renamed");
		assertThat(fieldError(refused, "creditLimit")).contains("must be an amount");
		assertThat(api.get(path).body()).isEqualTo(before);
		assertThat(history("customer", ann.path("id").asLong())).isEqualTo(entries);
	}

	@Test
	void aPriceThatIsNoAmountIsShownAgainAsTypedAndNoItemIsMade() {
		String sku = "SKU-" + uniqueWord().toUpperCase(Locale.ROOT);

		var refused = post("/items/new", "sku", sku, "name", "Tea", "price", "four fifty", "cost", "-1");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(typed(refused, "price")).isEqualTo("four fifty");
		assertThat(fieldError(refused, "price")).isEqualTo("must be an amount, such as 4.50");
		assertThat(fieldError(refused, "cost")).isEqualTo("must not be negative");
		assertThat(typed(refused, "sku")).isEqualTo(sku);
		assertThat(api.get("/api/items?status=all&q=" + sku).json().path("items").isEmpty()).isTrue();
	}

	@Test
	void aSkuAlreadyUsedIsRefusedBesideTheSkuAndTheItemIsNotChanged() {
		JsonNode first = item(api, uniqueName("First"), "1.00");
		JsonNode second = item(api, uniqueName("Second"), "2.00");
		long id = second.path("id").asLong();
		String before = api.get("/api/items/" + id).body();
		int entries = history("item", id);

		var refused = post("/items/" + id + "/edit", "sku", first.path("sku").asString(), "name", "Second renamed",
				"price", "2.50", "version", second.path("version").asString());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(fieldError(refused, "sku")).startsWith("is already used by");
		assertThat(typed(refused, "sku")).isEqualTo(first.path("sku").asString());
		assertThat(typed(refused, "name")).isEqualTo("Second renamed");
		assertThat(api.get("/api/items/" + id).body()).isEqualTo(before);
		assertThat(history("item", id)).isEqualTo(entries);
	}

	@Test
	void aUserNameAlreadyTakenIsRefusedBesideTheUserNameAndNoStaffUserIsMade() {
		String name = uniqueName("Second admin");

		var refused = post("/staff/new", "username", "admin", "displayName", name, "password", "long-enough-password",
				"role", "Cashier");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(fieldError(refused, "username")).isEqualTo("is already taken");
		assertThat(typed(refused, "displayName")).isEqualTo(name);
		assertThat(refused.body()).doesNotContain("long-enough-password");
		assertThat(api.get("/api/staff?status=all&q=" + name.replace(' ', '+')).json().path("items").isEmpty())
			.isTrue();
	}

	@Test
	void anEditFromAStaleVersionSaysSoAboveTheFormKeepsWhatWasTypedAndChangesNothing() {
		var created = api.post("/api/suppliers", Map.of("name", uniqueName("Acme")));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		var renamed = api.put("/api/suppliers/" + id, Map.of("name", uniqueName("Acme renamed")), "If-Match",
				created.header("ETag"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		String before = api.get("/api/suppliers/" + id).body();

		var refused = post("/suppliers/" + id + "/edit", "name", "Acme Stale", "phone", "01632 960001", "version",
				created.json().path("version").asString());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
		assertThat(refused.body()).containsPattern("class=\"alert error\" role=\"alert\">[^<]*(changed|version)");
		assertThat(typed(refused, "name")).isEqualTo("Acme Stale");
		assertThat(typed(refused, "phone")).isEqualTo("01632 960001");
		assertThat(api.get("/api/suppliers/" + id).body()).isEqualTo(before);
	}

	private Api.Response post(String path, String... fields) {
		Map<String, String> form = new HashMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		form.put("_csrf", browser.pageToken());
		return browser.postForm(path, form, "Accept", "text/html");
	}

	private int history(String kind, long id) {
		return api.get("/api/" + kind + "/" + id + "/history").json().path("items").size();
	}

	/** The value an input of the page holds, as the browser would show it. */
	private static String typed(Api.Response page, String field) {
		Matcher input = Pattern.compile("<input[^>]*\\bname=\"" + field + "\"[^>]*>").matcher(page.body());
		assertThat(input.find()).as("an input named %s in %s", field, page.body()).isTrue();
		Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
		return value.find() ? value.group(1) : "";
	}

	/** The error shown beside a field, or null when there is none. */
	private static String fieldError(Api.Response page, String field) {
		Matcher error = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(page.body());
		assertThat(error.find()).as("an error beside %s in %s", field, page.body()).isTrue();
		return error.group(1).strip();
	}

}
