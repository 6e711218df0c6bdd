package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description and the health check that operators and client writers rely on. */
@BackroomTest
class PlatformEndpointsTests extends ApiTest {

	@Test
	void describesTheApiAsOpenApiJson() {
		var docs = api.get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.header("Content-Type")).startsWith("application/json");
		JsonNode description = docs.json();
		assertThat(description.path("openapi").asString()).startsWith("3.");
		assertThat(description.path("paths").propertyNames()).contains("/api/customers", "/api/customers/{id}",
				"/api/customers/lookup", "/api/sales-orders", "/api/items");
	}

	@Test
	void reportsHealthUp() {
		var health = api.get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
	}

}
