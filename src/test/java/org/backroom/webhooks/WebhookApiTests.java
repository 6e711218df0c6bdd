package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backroom.support.StoreRecords.allPages;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 13, point 7: owners register endpoints; what is not an http(s) URL or a known event is refused. */
@BackroomTest
class WebhookApiTests extends ApiTest {

	/** Nothing listens here: deliveries to it fail, and stay in the log. */
	private static final String NOBODY = "http://127.0.0.1:9/hook";

	@AfterEach
	void removeEndpoints() {
		api.get("/api/webhooks").json().path("items").forEach(hook -> api.delete("/api/webhooks/" + hook.path("id").asLong()));
	}

	@Test
	void aNewEndpointShowsItsMadeSecretOnceAndNeverAgain() {
		var created = api.post("/api/webhooks", Map.of("url", "https://shop.example.org/hooks/backroom"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String secret = created.json().path("secret").asString();
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(created.json().path("eventTypes").values()).extracting(JsonNode::asString).containsExactly("*");
		assertThat(created.json().path("active").asBoolean()).isTrue();
		var read = api.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).doesNotContain(secret);
		assertThat(read.json().path("secretHint").asString()).isEqualTo("…" + secret.substring(secret.length() - 4));
		assertThat(api.get("/api/webhooks").body()).doesNotContain(secret);
		JsonNode audited = api.get("/api/audit?action=webhook.create&recordKind=webhook&recordId="
				+ read.json().path("id").asLong()).json().path("items");
		assertThat(audited.size()).isEqualTo(1);
		assertThat(audited.toString()).doesNotContain(secret);
	}

	@Test
	void refusesWhatIsNotAnHttpUrlAndChangesNothing() {
		int before = api.get("/api/webhooks").json().path("items").size();
		for (String url : List.of("not a url", "ftp://example.org/hook", "http://", "javascript:alert(1)",
				"mailto:owner@example.org", "")) {
			var refused = api.post("/api/webhooks", Map.of("url", url));
			assertThat(refused.status()).as("%s: %s", url, refused).isEqualTo(422);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.problemType()).isEqualTo("validation");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		}
		assertThat(api.get("/api/webhooks").json().path("items").size()).isEqualTo(before);
	}

	@Test
	void refusesUnknownEventTypesAndAShortSecretNamingEach() {
		var refused = api.post("/api/webhooks", Map.of("url", "https://example.org/h", "eventTypes",
				List.of("CustomerDeactivated", "CustomerDanced"), "secret", "short"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("errors").toString()).contains("CustomerDanced", "secret");
	}

	@Test
	void onlyWhoMayManageWebhooksSeesOrChangesThem() {
		long id = api.post("/api/webhooks", Map.of("url", NOBODY)).json().path("id").asLong();

		for (String role : List.of("Cashier", "Manager", "Auditor")) {
			var other = staffWithRole(role);
			var listed = other.get("/api/webhooks");
			assertThat(listed.status()).as(role).isEqualTo(403);
			assertThat(listed.json().path("missingPermission").asString()).isEqualTo("webhooks.manage");
			assertThat(other.post("/api/webhooks", Map.of("url", NOBODY)).status()).isEqualTo(403);
			assertThat(other.delete("/api/webhooks/" + id).status()).isEqualTo(403);
		}
		assertThat(api.get("/api/webhooks/" + id).status()).isEqualTo(200);
	}

	@Test
	void anEditChangesWhatWasSentAndANewSecretIsShownOnce() {
		long id = api.post("/api/webhooks", Map.of("url", NOBODY, "secret", "the-first-secret-here")).json()
			.path("id").asLong();

		var edited = api.patch("/api/webhooks/" + id, Map.of("eventTypes", List.of("SalesOrderCreated"),
				"description", "The accounts"));
		var rotated = api.patch("/api/webhooks/" + id, Map.of("rotateSecret", true));
		var badUrl = api.patch("/api/webhooks/" + id, Map.of("url", "gopher://old"));

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().path("url").asString()).isEqualTo(NOBODY);
		assertThat(edited.json().path("secret").isNull()).isTrue();
		assertThat(edited.json().path("eventTypes").get(0).asString()).isEqualTo("SalesOrderCreated");
		assertThat(rotated.json().path("secret").asString()).startsWith("whsec_");
		assertThat(badUrl.status()).isEqualTo(422);
		assertThat(api.get("/api/webhooks/" + id).json().path("url").asString()).isEqualTo(NOBODY);
		assertThat(api.patch("/api/webhooks/424242", Map.of("active", false)).status()).isEqualTo(404);
		JsonNode updates = api.get("/api/audit?action=webhook.update&recordKind=webhook&recordId=" + id).json();
		assertThat(updates.path("items").size()).isEqualTo(2);
		assertThat(updates.toString()).doesNotContain("the-first-secret-here", rotated.json().path("secret").asString());
	}

	@Test
	void theDeliveryLogIsKeysetPagedNewestFirst() {
		Map<String, Object> hook = new HashMap<>(Map.of("url", NOBODY, "eventTypes", List.of("CustomerDeactivated")));
		long id = api.post("/api/webhooks", hook).json().path("id").asLong();
		for (int i = 0; i < 3; i++) {
			long customer = customer(api, uniqueName("Logged Hook")).path("id").asLong();
			transition(api, "/api/customers/" + customer, "deactivate", "Logged");
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/webhooks/" + id + "/deliveries").json().path("items").size() == 3);
		List<JsonNode> all = allPages(api, "/api/webhooks/" + id + "/deliveries", 2);

		assertThat(all).hasSize(3);
		assertThat(all).extracting(d -> d.path("id").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(all).extracting(d -> d.path("eventType").asString()).containsOnly("CustomerDeactivated");
		assertThat(api.get("/api/webhooks/" + id + "/deliveries?cursor=nonsense").status()).isEqualTo(422);
	}

}
