package org.backroom.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.junit.jupiter.api.Test;

/**
 * The staff pages, attacked from a signed-in browser by someone who manages and edits staff but is not an owner:
 * the page forms obey the same rule as the API, and hostile or careless forms get Backroom's error page, never a
 * 500 or a stack trace, and change nothing.
 */
@BackroomTest
class StaffPageAttackTests extends ApiTest {

	@Test
	void aStaffManagerCannotEditOrDemoteTheOwnerThroughTheStaffForm() {
		FormSession browser = staffManagerBrowser();
		long adminId = api.get("/api/staff?q=admin").json().path("items").get(0).path("id").asLong();
		String before = api.get("/api/staff/" + adminId).body();
		String version = String.valueOf(api.get("/api/staff/" + adminId).json().path("version").asLong());

		var refused = browser.postForm("/staff/" + adminId + "/edit", Map.of("_csrf", browser.pageToken(),
				"displayName", "Demoted", "email", "", "version", version, "role", "Cashier"), "Accept", "text/html");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(api.get("/api/staff/" + adminId).body()).isEqualTo(before);
	}

	@Test
	void hostileStaffFormsGetBackroomsErrorPageAndChangeNothing() {
		FormSession browser = staffManagerBrowser();
		long adminId = api.get("/api/staff?q=admin").json().path("items").get(0).path("id").asLong();
		String before = api.get("/api/staff/" + adminId).body();
		String path = "/staff/" + adminId + "/edit";
		String token = browser.pageToken();

		List<Api.Response> answers = List.of(
				browser.postForm(path, Map.of("_csrf", token, "displayName", "x", "version", "not-a-number"), "Accept",
						"text/html"),
				browser.postForm(path, Map.of("displayName", "no csrf token", "version", "1"), "Accept", "text/html"),
				browser.postForm(path, Map.of("_csrf", token, "displayName", "x".repeat(3_000_000), "version", "1"),
						"Accept", "text/html"));
		for (Api.Response answer : answers) {
			assertThat(answer.status()).as(answer.status() + " " + answer.body().substring(0,
					Math.min(300, answer.body().length()))).isBetween(400, 499);
			assertThat(answer.body()).doesNotContain("Exception", "at org.", "java.");
		}
		assertThat(api.get("/api/staff/" + adminId).body()).isEqualTo(before);
	}

	private FormSession staffManagerBrowser() {
		String role = "Staff keeper " + UUID.randomUUID().toString().substring(0, 8);
		var created = api.post("/api/roles",
				Map.of("name", role, "permissions", List.of("staff.view", "staff.edit", "staff.manage")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String username = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var user = api.post("/api/staff", Map.of("username", username, "displayName", "Keeper " + username,
				"password", STAFF_PASSWORD, "roles", List.of(role)));
		assertThat(user.status()).as(user.toString()).isEqualTo(201);
		FormSession browser = FormSession.browser(port());
		browser.signIn(username, STAFF_PASSWORD);
		return browser;
	}

}
