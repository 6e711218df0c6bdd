package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a fuzzer found: requests that answered 500, Tomcat's own HTML page, or Java's insides. Each now gets a 4xx
 * problem detail with a stable type (or Backroom's HTML page for a page), and tells nothing about the code.
 */
@BackroomTest
class HostileRequestTests extends ApiTest {

	private RawHttp raw;

	@BeforeEach
	void rawClient() {
		raw = new RawHttp(port());
	}

	@Test
	void theErrorPathIsNotAnOperationAndAsksForNothing() {
		assertThat(api.get("/v3/api-docs").json().path("paths").has("/error")).isFalse();
		Api.Response direct = api.get("/error");
		assertProblem(direct, 404, "not-found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/customers?q=%ZZ", "/api/customers?q=%", "/api/items/lookup?q=a%2", "/api/audit?actor=%G1" })
	void aBadEscapeInTheQueryIsAMalformedRequest(String target) {
		assertProblem(raw.get(target, "Authorization", ownerAuthorization()), 400, "malformed-request");
	}

	@Test
	void aBadEscapeOnTheSignInPageShowsBackroomsPage() {
		Api.Response page = raw.get("/login?x=%ZZ", "Accept", "text/html");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("Backroom");
		assertNoInternals(page);
		assertNoInternals(raw.get("/login?x=%ZZ"));
		assertThat(raw.get("/login?x=%ZZ").status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "nonsense", "application/json; charset=nope" })
	void anOddContentTypeIsRefusedAndCreatesNothing(String contentType) {
		String name = "Odd content " + contentType;
		Api.Response answer = raw.send("POST", "/api/customers",
				Map.of("Authorization", ownerAuthorization(), "Content-Type", contentType),
				("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(answer.status()).as("%s", answer).isIn(400, 415);
		assertProblem(answer, answer.status(), answer.status() == 415 ? "unsupported-media-type" : "malformed-request");
		assertThat(api.get("/api/customers?status=all&q=" + Api.encode(name)).json().path("items").size()).isZero();
	}

	@Test
	void aRoleNameTooLongForCloningIsAValidationProblem() {
		long owner = api.get("/api/roles").json().values().stream()
			.filter(role -> role.path("name").asString().equals("Owner")).findFirst().orElseThrow().path("id").asLong();
		int before = api.get("/api/roles").json().size();
		Api.Response answer = api.post("/api/roles/" + owner + "/clone", Map.of("name", "r".repeat(61)));
		assertProblem(answer, 422, "validation");
		assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
		assertThat(api.get("/api/roles").json().size()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/customers;x=y", "/api/customers/1;x=y", "/api/items;jsessionid=1/lookup" })
	void aPathParameterIsMalformedEvenForABrowser(String target) {
		assertProblem(raw.get(target, "Authorization", ownerAuthorization(), "Accept", "text/html"), 400,
				"malformed-request");
		assertProblem(raw.get(target, "Authorization", ownerAuthorization()), 400, "malformed-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/suppliers/%2F", "/api/customers/%2e%2e%2Fitems", "/api/items/%5C" })
	void anEncodedSlashIsAProblemNotTomcatsPage(String target) {
		Api.Response answer = raw.get(target, "Authorization", ownerAuthorization());
		assertThat(answer.status()).isBetween(400, 499);
		assertProblem(answer, answer.status(), answer.status() == 404 ? "not-found" : "malformed-request");
	}

	@Test
	void anOversizedRequestLineOrHeaderIsAProblemForTheApiAndBackroomsPageOtherwise() {
		String longQuery = "x=" + "a".repeat(9_000);
		Api.Response api = raw.get("/api/customers?" + longQuery, "Authorization", ownerAuthorization());
		assertThat(api.status()).isBetween(400, 499);
		assertProblem(api, api.status(), ProblemAdvice.slugFor(org.springframework.http.HttpStatusCode.valueOf(api.status())));

		Api.Response header = raw.get("/api/customers", "X-Big", "b".repeat(20_000));
		assertThat(header.status()).isBetween(400, 499);
		assertProblem(header, header.status(), ProblemAdvice.slugFor(org.springframework.http.HttpStatusCode.valueOf(header.status())));

		Api.Response page = raw.get("/customers", "Accept", "text/html", "X-Big", "b".repeat(20_000));
		assertThat(page.status()).isBetween(400, 499);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("Backroom").doesNotContain("HTTP Status");
		assertNoInternals(page);

		Api.Response unreadable = raw.get("/customers?" + longQuery, "Accept", "text/html");
		assertThat(unreadable.status()).isBetween(400, 499);
		assertThat(unreadable.body()).as("a line too long to read says so in Backroom's words").contains("Backroom")
			.doesNotContain("HTTP Status");
		assertNoInternals(unreadable);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/customers?limit=a&limit=b",
			"/api/audit?recordId=a&recordId=b&recordKind=customer" })
	void aDuplicatedParameterSaysSoWithoutJavaTypeNames(String target) {
		Api.Response answer = api.get(target);
		assertProblem(answer, 422, "validation");
		assertThat(answer.body()).doesNotContain("[L", "String;@");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/audit/export?actor=%00", "/api/audit/export?action=a%00b" })
	void aCsvExportRefusedByTheDatabaseIsStillAProblem(String target) {
		Api.Response answer = api.get(target);
		assertProblem(answer, 422, "validation");
		assertThat(answer.header("Content-Disposition")).isNull();
		assertThat(answer.header("X-Request-Id")).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/customers/abc", "/api/items/1.5", "/api/suppliers/99999999999999999999",
			"/api/customers/abc/impact", "/api/sales-orders/%C3%A9", "/api/staff/-1" })
	void aRecordPathWhoseIdIsNotANumberIsNotFound(String target) {
		assertProblem(raw.get(target, "Authorization", ownerAuthorization()), 404, "not-found");
	}

	private static void assertProblem(Api.Response answer, int status, String slug) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(status);
		assertThat(answer.header("Content-Type")).as("%s", answer).startsWith("application/problem+json");
		assertThat(answer.json().path("type").asString()).as("%s", answer).isEqualTo("urn:backroom:problem:" + slug);
		assertNoInternals(answer);
	}

	static void assertNoInternals(Api.Response answer) {
		assertThat(answer.body()).as("%s", answer)
			.doesNotContain("java.", "javax.", "jakarta.", "org.springframework", "org.apache", "Exception", "[L",
					"Tomcat", "\tat ");
	}

}
