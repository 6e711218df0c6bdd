package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

@BackroomTest
class CustomerSmokeTests extends ApiTest {

	@Test
	void createsACustomerWithAReadableCode() {
		var created = api.post("/api/customers", Map.of("name", "Smoke Test"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("code").asString()).matches("C\\d{6}");
		assertThat(created.header("Location")).isEqualTo("/api/customers/" + created.json().path("id").asLong());
		assertThat(created.header("Content-Type")).startsWith("application/json");
		var missing = api.get("/api/customers/999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.problemType()).isEqualTo("not-found");
	}

}
