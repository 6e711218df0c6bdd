package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerForm;
import static org.backroom.support.StoreRecords.delete;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.HashMap;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, point 8: editing a customer with optimistic locking, so that two people editing at once never overwrite
 * each other unseen.
 */
@BackroomTest
class CustomerEditTests extends ApiTest {

	private String path;

	private JsonNode original;

	@BeforeEach
	void aCustomer() {
		original = customer(api, Map.of("name", uniqueName("Miss Climpson"), "phone", "01632 960000"));
		path = "/api/customers/" + original.path("id").asLong();
	}

	@Test
	void tagsEveryAnswerWithTheCustomersVersion() {
		var created = api.post("/api/customers", Map.of("name", uniqueName("Etag")));
		assertThat(created.header("ETag")).isEqualTo("\"" + created.json().path("version").asLong() + "\"");

		var read = api.get(path);
		assertThat(read.header("ETag")).isEqualTo("\"" + read.json().path("version").asLong() + "\"");

		var deactivated = api.post(path + "/deactivate", Map.of("reason", "Closed"));
		assertThat(deactivated.header("ETag")).isEqualTo("\"" + deactivated.json().path("version").asLong() + "\"")
			.isNotEqualTo(read.header("ETag"));
	}

	@Test
	void savesAnEditMadeFromTheCurrentVersion() {
		String etag = api.get(path).header("ETag");

		var saved = api.put(path, edited("name", "Katharine Climpson", "email", "kate@example.com"), "If-Match", etag);

		assertThat(saved.status()).as("%s", saved).isEqualTo(200);
		assertThat(saved.header("ETag")).isNotEqualTo(etag);
		JsonNode now = read(api, path);
		assertThat(now.path("name").asString()).isEqualTo("Katharine Climpson");
		assertThat(now.path("email").asString()).isEqualTo("kate@example.com");
		assertThat(now.path("code")).isEqualTo(original.path("code"));
		assertThat(now.path("version").asLong()).isEqualTo(original.path("version").asLong() + 1);
		assertThat(api.get(path).header("ETag")).isEqualTo(saved.header("ETag"));
	}

	@Test
	void refusesAnEditMadeFromAStaleVersion() {
		String etag = api.get(path).header("ETag");
		var first = api.put(path, edited("name", "First editor"), "If-Match", etag);
		assertThat(first.status()).isEqualTo(200);
		JsonNode afterFirst = read(api, path);

		var second = api.put(path, edited("name", "Second editor"), "If-Match", etag);

		assertThat(second.status()).as("%s", second).isEqualTo(412);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.problemType()).isEqualTo("version-conflict");
		assertThat(read(api, path)).isEqualTo(afterFirst);
	}

	@Test
	void refusesAnEditMadeFromAVersionBeforeADeactivation() {
		String etag = api.get(path).header("ETag");
		transition(api, path, "deactivate", "Closed");
		JsonNode inactive = read(api, path);

		var stale = api.put(path, edited("name", "Too late"), "If-Match", etag);

		assertThat(stale.status()).isEqualTo(412);
		assertThat(read(api, path)).isEqualTo(inactive);
	}

	@Test
	void refusesAnEditWithoutIfMatch() {
		var refused = api.put(path, edited("name", "Nobody checked"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(428);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("precondition-required");
		assertThat(read(api, path)).isEqualTo(original);
	}

	@Test
	void acceptsIfMatchStarAsWhateverVersionTheCustomerIsAt() {
		api.post(path + "/deactivate", java.util.Map.of("reason", "moves the version on"));
		var saved = api.put(path, edited("name", "Overwritten on purpose"), "If-Match", "*");

		assertThat(saved.status()).as("%s", saved).isEqualTo(200);
		assertThat(saved.json().path("name").asString()).isEqualTo("Overwritten on purpose");
	}

	@Test
	void refusesAnIfMatchThatNamesNoVersion() {
		var refused = api.put(path, edited("name", "Garbage tag"), "If-Match", "\"yesterday\"");

		assertThat(refused.status()).isEqualTo(412);
		assertThat(refused.problemType()).isEqualTo("version-conflict");
		assertThat(read(api, path)).isEqualTo(original);
	}

	@Test
	void refusesToEditACustomerInTheTrash() {
		delete(api, path, "Entered twice");
		var current = api.get(path);
		JsonNode deleted = current.json();

		var refused = api.put(path, edited("name", "Edited in the trash"), "If-Match", current.header("ETag"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).contains("trash");
		assertThat(read(api, path)).isEqualTo(deleted);
	}

	@Test
	void validatesAnEditLikeANewCustomer() {
		String etag = api.get(path).header("ETag");

		var refused = api.put(path, edited("name", " ", "creditLimit", "-1"), "If-Match", etag);

		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
			.containsExactlyInAnyOrder("name", "creditLimit");
		assertThat(read(api, path)).isEqualTo(original);
	}

	@Test
	void answersNotFoundForAnEditOfAnUnknownCustomer() {
		var refused = api.put("/api/customers/987654321", edited("name", "Ghost"), "If-Match", "\"0\"");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.problemType()).isEqualTo("not-found");
	}

	private Map<String, @Nullable Object> edited(Object... changes) {
		Map<String, @Nullable Object> form = new HashMap<>(customerForm(original));
		for (int i = 0; i + 1 < changes.length; i += 2) {
			form.put((String) changes[i], changes[i + 1]);
		}
		return form;
	}

}
