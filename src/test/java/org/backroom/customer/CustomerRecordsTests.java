package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.customerIds;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 2, point 1: keeping customers with all their fields, a required name and a readable unique code. */
@BackroomTest
class CustomerRecordsTests extends ApiTest {

	@Test
	void keepsEveryFieldOfANewCustomer() {
		String name = uniqueName("Harriet Vane");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("email", "harriet@example.com");
		fields.put("phone", "+44 20 7946 0123");
		fields.put("address", "12 High Street\nOxford");
		fields.put("taxNumber", "GB123456789");
		fields.put("notes", "Prefers invoices by post.");
		fields.put("creditAllowed", true);
		fields.put("creditLimit", "250.00");

		var created = api.post("/api/customers", fields);

		assertThat(created.status()).isEqualTo(201);
		JsonNode customer = created.json();
		long id = customer.path("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/customers/" + id);
		JsonNode stored = read(api, "/api/customers/" + id);
		fields.forEach((field, value) -> assertThat(stored.path(field).asString()).as(field).isEqualTo(String.valueOf(value)));
		assertThat(stored.path("code").asString()).matches("C\\d{6}");
		assertThat(stored.path("balance").asString()).isEqualTo("0.00");
		assertThat(stored.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(stored.path("statusReason").isNull()).isTrue();
		assertThat(stored.path("lastOrderAt").isNull()).isTrue();
		assertThat(stored.path("createdAt").asString()).isNotBlank();
		assertThat(stored.path("updatedAt").asString()).isNotBlank();
		assertThat(stored.path("version").asLong()).isZero();
		assertThat(stored).isEqualTo(customer);
	}

	@Test
	void keepsACustomerWithOnlyANameWithoutCredit() {
		JsonNode customer = customer(api, "  " + uniqueName("Lord Peter") + "  ");

		assertThat(customer.path("name").asString()).doesNotStartWith(" ").doesNotEndWith(" ");
		assertThat(customer.path("creditAllowed").asBoolean()).isFalse();
		assertThat(customer.path("creditLimit").asString()).isEqualTo("0.00");
		assertThat(customer.path("email").isNull()).isTrue();
	}

	@Test
	void refusesACustomerWithoutAName() {
		String email = uniqueWord() + "@example.com";
		for (Map<String, Object> form : java.util.List.<Map<String, Object>>of(Map.of("email", email),
				Map.of("name", "", "email", email), Map.of("name", "   ", "email", email))) {
			var refused = api.post("/api/customers", form);

			assertThat(refused.status()).as("%s", form).isEqualTo(422);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.problemType()).isEqualTo("validation");
			assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
				.containsExactly("name");
		}
		assertThat(customerIds(api, email, "all")).isEmpty();
		assertThat(customerIds(api, email, "deleted")).isEmpty();
	}

	@Test
	void listsEveryInvalidFieldOfANewCustomerAtOnce() {
		var refused = api.post("/api/customers",
				Map.of("email", "not an email", "creditLimit", "-5", "phone", "1".repeat(41)));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("validation");
		assertThat(refused.json().path("errors").values()).extracting(error -> error.path("field").asString())
			.containsExactlyInAnyOrder("name", "email", "creditLimit", "phone");
	}

	@Test
	void givesEveryCustomerItsOwnReadableCode() {
		String word = uniqueWord();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			JsonNode customer = customer(api, "Same Name " + word);
			String code = customer.path("code").asString();
			assertThat(code).matches("C\\d{6}");
			codes.add(code);
			assertThat(customerIds(api, code, "active")).containsExactly(customer.path("id").asLong());
		}
		assertThat(codes).hasSize(5);
	}

}
