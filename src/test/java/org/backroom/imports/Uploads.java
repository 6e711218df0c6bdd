package org.backroom.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.backroom.support.Api;
import tools.jackson.databind.JsonNode;

/** Uploads files as they are, byte for byte (a file need not be UTF-8), and follows the jobs they start. */
final class Uploads {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private final Api api;

	Uploads(int port, String authorization, Api api) {
		this.base = "http://127.0.0.1:" + port;
		this.authorization = authorization;
		this.api = api;
	}

	Api.Response preview(String kind, String csv) {
		return preview(kind, csv.getBytes(StandardCharsets.UTF_8));
	}

	Api.Response preview(String kind, byte[] file) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/" + kind + "/import?fileName=test.csv"))
			.header("Authorization", authorization)
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofByteArray(file))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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

	/** Checks the file, which must have no errors, and starts it. */
	long start(String kind, String csv) {
		Api.Response preview = preview(kind, csv);
		if (preview.status() != 200 || preview.json().path("id").isNull()) {
			throw new IllegalStateException("The preview failed: " + preview);
		}
		return start(preview.json().path("id").asLong());
	}

	long start(long preview) {
		Api.Response started = api.post("/api/import-jobs/" + preview + "/start", null);
		if (started.status() != 202) {
			throw new IllegalStateException("The import did not start: " + started);
		}
		return started.json().path("id").asLong();
	}

	JsonNode awaitDone(long job, Duration atMost) {
		Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
			.until(() -> api.get("/api/import-jobs/" + job).json().path("status").asString().equals("DONE"));
		return api.get("/api/import-jobs/" + job).json();
	}

	JsonNode awaitDone(long job) {
		return awaitDone(job, Duration.ofSeconds(30));
	}

}
