package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backroom.support.Api;

/**
 * A browser's sign-in with the login form, as plain HTTP: the session cookie it is given and the CSRF token its
 * forms carry. Whatever the cookie is called, this keeps the one the server set last.
 */
final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final Api anonymous;

	private String cookie;

	private PageSession(Api anonymous, String cookie) {
		this.anonymous = anonymous;
		this.cookie = cookie;
	}

	/** Signs in with the form; answers the session and where the sign-in sent the browser. */
	static PageSession signIn(Api anonymous, String username, String password) {
		var form = anonymous.get("/login", "Accept", "text/html");
		PageSession session = new PageSession(anonymous, cookieOf(form));
		var signedIn = session.post("/login", "username=" + Api.encode(username) + "&password=" + Api.encode(password),
				csrf(form.body()));
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		assertThat(signedIn.header("Location")).as("signed in, not sent back to the form").doesNotContain("error");
		return session;
	}

	Api.Response get(String path) {
		Api.Response response = client().get(path, "Accept", "text/html");
		remember(response);
		return response;
	}

	/** Posts a form the way a browser does, with the CSRF token of the page it came from. */
	Api.Response post(String path, String form, String csrf) {
		Api.Response response = client().raw("POST", path, form + "&_csrf=" + Api.encode(csrf),
				"application/x-www-form-urlencoded");
		remember(response);
		return response;
	}

	static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
		return matcher.group(1);
	}

	private Api client() {
		return anonymous.with("Cookie", cookie);
	}

	private void remember(Api.Response response) {
		String set = cookieOf(response);
		if (!set.isEmpty()) {
			cookie = set;
		}
	}

	private static String cookieOf(Api.Response response) {
		return response.headers()
			.entrySet()
			.stream()
			.filter(header -> header.getKey().equalsIgnoreCase("Set-Cookie"))
			.map(header -> header.getValue())
			.flatMap(List::stream)
			.map(value -> value.split(";", 2)[0])
			.filter(pair -> !pair.endsWith("="))
			.reduce((first, last) -> last)
			.orElse("");
	}

}
