package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the delivery tests: a {@link Receiver} per test, endpoints registered on it through the API and removed
 * after, and a backoff shortened so that the retries of a day happen in seconds. The classes share one application.
 */
@BackroomTest(properties = { "backroom.webhooks.poll-interval=50ms", "backroom.webhooks.backoff-base=300ms",
		"backroom.webhooks.backoff-cap=2s", "backroom.webhooks.retry-for=6s", "backroom.webhooks.request-timeout=1s",
		"backroom.webhooks.connect-timeout=1s", "backroom.events.sequence-interval=50ms" })
abstract class WebhookTest extends ApiTest {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	Receiver receiver;

	@BeforeEach
	void listen() throws IOException {
		receiver = new Receiver();
	}

	@AfterEach
	void removeEndpointsAndStop() {
		api.get("/api/webhooks").json().path("items").forEach(hook -> api.delete("/api/webhooks/" + hook.path("id").asLong()));
		receiver.close();
	}

	/** Registers an endpoint at a path of the receiver; answers its id. */
	long register(String path, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("url", receiver.url(path));
		var created = api.post("/api/webhooks", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** The first page of an endpoint's delivery log, newest first. */
	List<JsonNode> deliveries(long hook) {
		var log = api.get("/api/webhooks/" + hook + "/deliveries");
		assertThat(log.status()).as(log.toString()).isEqualTo(200);
		return log.json().path("items").values().stream().toList();
	}

	static List<Receiver.Request> typed(List<Receiver.Request> requests, String type) {
		return requests.stream().filter(request -> request.eventType().equals(type)).toList();
	}

	/** What a receiver computes to check a signature: the hex HMAC-SHA256 of a text with the secret. */
	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
