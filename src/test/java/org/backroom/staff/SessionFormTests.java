package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A session signed in with the form is only good with its CSRF token, and the form page gives nothing away. */
@BackroomTest
class SessionFormTests extends ApiTest {

	@LocalServerPort
	int port;

	private FormSession signedIn() {
		FormSession browser = FormSession.browser(port);
		var answer = browser.signIn("admin", ADMIN_PASSWORD);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).doesNotContain("error");
		return browser;
	}

	private boolean customerExists(String name) {
		return api.get("/api/customers?status=all&q=" + name.replace(" ", "+")).body().contains(name);
	}

	@Test
	void aSessionCookieWithAnyAuthorizationHeaderCreatesNothingWithoutTheCsrfToken() {
		FormSession browser = signedIn();
		String[][] forgeries = { { "Authorization", "x" }, { "Authorization", "Basic Zm9vOmJhcg==" },
				{ "Authorization", "Bearer brt_not-a-token" }, { "Authorization", "Basic " } };
		for (String[] header : forgeries) {
			String name = "Forged " + System.nanoTime();
			var answer = browser.postJson("/api/customers", "{\"name\":\"" + name + "\"}", header);
			assertThat(answer.status()).as(header[1] + ": " + answer).isIn(401, 403);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(customerExists(name)).as(header[1]).isFalse();
		}
	}

	@Test
	void aSessionCookieAloneNeedsTheCsrfTokenAndWithItWorks() {
		FormSession browser = signedIn();
		String refusedName = "No token " + System.nanoTime();
		assertThat(browser.postJson("/api/customers", "{\"name\":\"" + refusedName + "\"}").status()).isEqualTo(403);
		assertThat(customerExists(refusedName)).isFalse();

		String name = "With token " + System.nanoTime();
		var created = browser.postJson("/api/customers", "{\"name\":\"" + name + "\"}", "X-CSRF-TOKEN",
				browser.pageToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void anAuthorizationHeaderNeitherUsesNorStartsASession() {
		FormSession browser = signedIn();
		// The session is the owner's, the header a wrong password: the header decides, and it fails.
		var answer = browser.get("/api/me", "Authorization", "Basic bm9ib2R5Om5vdGhpbmc=");
		assertThat(answer.status()).isEqualTo(401);
		String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
		var byBasic = FormSession.browser(port).get("/api/me", "Authorization", basic);
		assertThat(byBasic.status()).isEqualTo(200);
		assertThat(FormSession.setCookies(byBasic)).isEmpty();
		var refused = FormSession.browser(port).get("/api/customers/999999", "Authorization", "Basic bm9ib2R5Om5vdGhpbmc=");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(FormSession.setCookies(refused)).isEmpty();
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		var answer = FormSession.browser(port).signIn("admin", ADMIN_PASSWORD);
		assertThat(FormSession.setCookies(answer)).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax")
			.doesNotContainIgnoringCase("Secure"));
	}

	@Test
	void pagesForbidInlineScriptsFramingAndSniffing() {
		for (String path : new String[] { "/login", "/api/me" }) {
			var answer = FormSession.browser(port).get(path);
			assertThat(answer.header("Content-Security-Policy")).as(path)
				.isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
						+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
			assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	@Test
	void theSignInPageShowsNothingFromItsAddress() {
		var page = FormSession.browser(port)
			.get("/login?error&throttled=%3Cb%3EPwned%3C%2Fb%3E+call+555-0100&username=%3Ci%3Eevil%3C%2Fi%3E");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Pwned", "555-0100", "evil");
	}

	@Test
	void aFailedSignInKeepsTheTypedUserNameOnceWithoutPuttingItInTheAddress() {
		FormSession browser = FormSession.browser(port);
		var failed = browser.signIn("Someone-Typed-This", "wrong password");
		assertThat(failed.status()).isEqualTo(302);
		assertThat(failed.header("Location")).endsWith("/login?error").doesNotContain("Someone");
		var form = browser.get("/login?error");
		assertThat(form.body()).contains("value=\"Someone-Typed-This\"", "The user name or password is wrong.");
		assertThat(browser.get("/login").body()).doesNotContain("Someone-Typed-This");
	}

}
