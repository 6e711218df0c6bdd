package org.backroom.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Keeping suppliers: what a new one gets, what is refused, and edits that never overwrite each other unseen. */
@BackroomTest
class SupplierTests extends ApiTest {

	@Test
	void keepsANewSupplierWithAReadableCode() {
		String name = "Harbour Fish " + UUID.randomUUID();
		var created = api.post("/api/suppliers", Map.of("name", "  " + name + " ", "contactName", "Ines Rowe",
				"email", "orders@harbour.example", "phone", "+1 555 0101", "address", "1 Quay", "taxNumber", "TX-1",
				"paymentTerms", "14 days net", "notes", "Delivers Tuesdays"));

		assertThat(created.status()).isEqualTo(201);
		JsonNode supplier = created.json();
		assertThat(supplier.path("code").asString()).matches("P\\d{6}");
		assertThat(created.header("Location")).isEqualTo("/api/suppliers/" + supplier.path("id").asLong());
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(supplier.path("name").asString()).isEqualTo(name);
		assertThat(supplier.path("contactName").asString()).isEqualTo("Ines Rowe");
		assertThat(supplier.path("paymentTerms").asString()).isEqualTo("14 days net");
		assertThat(supplier.path("taxNumber").asString()).isEqualTo("TX-1");
		assertThat(supplier.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(supplier.path("statusReason").isNull()).isTrue();
		assertThat(supplier.path("createdAt").asString()).endsWith("Z");

		var read = api.get("/api/suppliers/" + supplier.path("id").asLong());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(read.json()).isEqualTo(supplier);
	}

	@Test
	void refusesASupplierWithoutANameOrWithABadEmail() {
		var refused = api.post("/api/suppliers", Map.of("name", " ", "email", "not-an-email"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("validation");
		assertThat(refused.json().path("errors").values().stream().map(error -> error.path("field").asString()))
			.containsExactlyInAnyOrder("name", "email");

		var malformed = api.raw("POST", "/api/suppliers", "{\"name\": \"x\"", "application/json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.problemType()).isEqualTo("malformed-request");

		var missing = api.get("/api/suppliers/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.problemType()).isEqualTo("not-found");
	}

	@Test
	void editsASupplierOnlyFromTheVersionItWasReadAt() {
		JsonNode supplier = api.post("/api/suppliers", Map.of("name", "Editable " + UUID.randomUUID())).json();
		String path = "/api/suppliers/" + supplier.path("id").asLong();
		Map<String, Object> form = new HashMap<>(Map.of("name", "Renamed supplier", "paymentTerms", "60 days"));

		var withoutIfMatch = api.put(path, form);
		assertThat(withoutIfMatch.status()).isEqualTo(428);
		assertThat(withoutIfMatch.problemType()).isEqualTo("precondition-required");

		var edited = api.put(path, form, "If-Match", "\"0\"");
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.header("ETag")).isEqualTo("\"1\"");
		assertThat(edited.json().path("name").asString()).isEqualTo("Renamed supplier");
		assertThat(edited.json().path("paymentTerms").asString()).isEqualTo("60 days");
		assertThat(edited.json().path("code").asString()).isEqualTo(supplier.path("code").asString());

		var stale = api.put(path, Map.of("name", "Lost update"), "If-Match", "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.problemType()).isEqualTo("version-conflict");
		assertThat(api.get(path).json().path("name").asString()).isEqualTo("Renamed supplier");

		var invalid = api.put(path, Map.of("name", ""), "If-Match", "\"1\"");
		assertThat(invalid.status()).isEqualTo(422);

		JsonNode history = api.get(path + "/history").json();
		String trail = history.toString();
		assertThat(trail).as("each edit in the audit trail, field by field").contains("supplier.create",
				"supplier.update", "Renamed supplier", "60 days");
	}

	@Test
	void refusesToEditASupplierInTheTrashUntilItIsRestored() {
		JsonNode supplier = api.post("/api/suppliers", Map.of("name", "Binned " + UUID.randomUUID())).json();
		String path = "/api/suppliers/" + supplier.path("id").asLong();
		var deleted = api.delete(path + "?reason=Entered%20twice");
		assertThat(deleted.status()).isEqualTo(200);
		String etag = deleted.header("ETag");

		var refused = api.put(path, Map.of("name", "Changed in the trash"), "If-Match", String.valueOf(etag));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-deleted");

		var restored = api.post(path + "/restore", Map.of("reason", "Not a duplicate after all"));
		assertThat(restored.status()).isEqualTo(200);
		var edited = api.put(path, Map.of("name", "Back again"), "If-Match", String.valueOf(restored.header("ETag")));
		assertThat(edited.status()).isEqualTo(200);
	}

}
