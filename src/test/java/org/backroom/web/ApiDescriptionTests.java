package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The API description as client writers and linters see it: written to {@code target/openapi/backroom.json} for
 * {@code .ci/run}'s lint, and held to the contract's rules.
 */
@BackroomTest
class ApiDescriptionTests extends ApiTest {

	static final Path WRITTEN = Path.of("target", "openapi", "backroom.json");

	/** The description the generated client is built from; {@code -Dbackroom.openapi.refresh=true} rewrites it. */
	static final Path COMMITTED = Path.of("src", "main", "openapi", "backroom.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void isTheDescriptionTheClientIsGeneratedFrom() throws IOException {
		JsonNode live = liveDescription();
		if (Boolean.getBoolean("backroom.openapi.refresh")) {
			JSON.writeValue(COMMITTED.toFile(), live);
		}
		assertThat(JSON.readTree(COMMITTED.toFile()))
			.as("The API changed, and the committed description and the client generated from it no longer say "
					+ "what it does. Refresh it with ./mvnw -B test -Dtest=ApiDescriptionTests "
					+ "-Dbackroom.openapi.refresh=true, review the diff of " + COMMITTED + " and commit it.")
			.isEqualTo(live);
	}

	@Test
	void everyOperationHasAnIdATagAndASummary() throws IOException {
		JsonNode description = liveDescription();
		List<String> lacking = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode op = operation.getValue();
			String where = operation.getKey().toUpperCase() + " " + path.getKey();
			String id = op.path("operationId").asString("");
			if (id.isEmpty() || id.matches(".*_\\d+$")) {
				lacking.add(where + " has no explicit operationId (" + id + ")");
			}
			ids.add(id);
			if (op.path("tags").isEmpty()) {
				lacking.add(where + " has no tag");
			}
			if (op.path("summary").asString("").isBlank()) {
				lacking.add(where + " has no summary");
			}
		}));
		assertThat(lacking).isEmpty();
		assertThat(ids).doesNotHaveDuplicates();
	}

	JsonNode liveDescription() throws IOException {
		var docs = api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode description = docs.json();
		Files.createDirectories(WRITTEN.getParent());
		JSON.writeValue(WRITTEN.toFile(), description);
		return description;
	}

}
