package org.backroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of Backroom's HTTP API as a real client sees it: JSON over HTTP, status codes and headers. Tests use it
 * instead of calling services, so that they check what a user would check.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A client that sends this header on every request (for example, credentials). */
	public Api with(String header, String value) {
		Api copy = new Api(base);
		copy.defaultHeaders.putAll(defaultHeaders);
		copy.defaultHeaders.put(header, value);
		return copy;
	}

	/** A client signed in with HTTP Basic as this user. */
	public Api as(String username, String password) {
		return with("Authorization", "Basic " + java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private Api(String base) {
		this.base = base;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, @Nullable Object body, String... headers) {
		return send("POST", path, body, headers);
	}

	public Response put(String path, @Nullable Object body, String... headers) {
		return send("PUT", path, body, headers);
	}

	public Response patch(String path, @Nullable Object body, String... headers) {
		return send("PATCH", path, body, headers);
	}

	public Response delete(String path, String... headers) {
		return send("DELETE", path, null, headers);
	}

	/** Sends a body exactly as given, for malformed-input tests. */
	public Response raw(String method, String path, String body, String contentType) {
		return exchange(HttpRequest.newBuilder(URI.create(base + path))
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", contentType));
	}

	/** A body from a JSON text or any object Jackson can write (maps, lists, records). */
	public Response send(String method, String path, @Nullable Object body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String text = body instanceof String string ? string : JSON.writeValueAsString(body);
			request.method(method, HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "application/json");
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return exchange(request);
	}

	private Response exchange(HttpRequest.Builder request) {
		defaultHeaders.forEach(request::header);
		request.timeout(Duration.ofSeconds(60));
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Percent-encodes a query parameter value. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One HTTP response: status, headers and body, with the body readable as JSON. */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public @Nullable String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The {@code type} slug of a problem answer, such as {@code record-referenced}. */
		public String problemType() {
			String type = json().path("type").asString();
			return type.substring(type.lastIndexOf(':') + 1);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
