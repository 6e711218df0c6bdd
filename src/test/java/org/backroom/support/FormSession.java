package org.backroom.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A client that signs in the way a browser does: the sign-in form with its CSRF token, then a session cookie. Its
 * cookie jar is shared with {@link #on(int)}, so one session can be taken to another instance.
 */
public final class FormSession {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final CookieManager cookies;

	private final HttpClient http;

	private final String base;

	private FormSession(CookieManager cookies, int port) {
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.base = "http://localhost:" + port;
	}

	/** A browser with no cookies yet, talking to the application on this port. */
	public static FormSession browser(int port) {
		return new FormSession(new CookieManager(), port);
	}

	/** The same cookies, sent to another instance. */
	public FormSession on(int port) {
		return new FormSession(cookies, port);
	}

	/** Fills in and posts the sign-in form; answers the form's answer (a redirect). */
	public Api.Response signIn(String username, String password, String... headers) {
		String token = token(get("/login"), FORM_TOKEN);
		return postForm("/login", Map.of("username", username, "password", password, "_csrf", token), headers);
	}

	/** Signs out with the button every page has. */
	public Api.Response signOut() {
		return postForm("/logout", Map.of("_csrf", pageToken()), "Accept", "text/html");
	}

	/** The CSRF token a signed-in page carries for htmx. */
	public String pageToken() {
		return token(get("/"), META_TOKEN);
	}

	public Api.Response get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
	}

	public Api.Response postForm(String path, Map<String, String> fields, String... headers) {
		return postForm(path, List.copyOf(fields.entrySet()), headers);
	}

	/** A form whose fields may repeat, as ticked checkboxes of one name do. */
	public Api.Response postForm(String path, List<Map.Entry<String, String>> fields, String... headers) {
		String form = fields.stream()
			.map(field -> Api.encode(field.getKey()) + "=" + Api.encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.header("Content-Type", "application/x-www-form-urlencoded"), headers);
	}

	public Api.Response postJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json"), headers);
	}

	/** The value of a cookie this browser holds, if any. */
	public @Nullable String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Api.Response send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String token(Api.Response page, Pattern pattern) {
		Matcher found = pattern.matcher(page.body());
		if (!found.find()) {
			throw new IllegalStateException("No CSRF token on the page: " + page);
		}
		return found.group(1);
	}

	/** All Set-Cookie headers of an answer. */
	public static List<String> setCookies(Api.Response response) {
		return response.headers()
			.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(entry -> entry.getValue().stream())
			.toList();
	}

}
