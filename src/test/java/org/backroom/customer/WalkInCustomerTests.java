package org.backroom.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.customerForm;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.uniqueName;
import static org.backroom.support.StoreRecords.walkIn;

import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 2, point 1: the walk-in customer exists from the first start, can be renamed, and always stays active. */
@BackroomTest
class WalkInCustomerTests extends ApiTest {

	@Test
	void hasAWalkInCustomerFromTheFirstStart() {
		JsonNode walkIn = walkIn(api);

		assertThat(walkIn.path("code").asString()).isEqualTo("WALK-IN");
		assertThat(walkIn.path("system").asBoolean()).isTrue();
		assertThat(walkIn.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(read(api, "/api/customers/lookup").values()).extracting(found -> found.path("code").asString())
			.as("the picker offers the walk-in customer first")
			.first()
			.isEqualTo("WALK-IN");
	}

	@Test
	void letsTheOwnerRenameTheWalkInCustomer() {
		JsonNode before = walkIn(api);
		String path = "/api/customers/" + before.path("id").asLong();
		Map<String, Object> renamed = new java.util.HashMap<>(customerForm(before));
		String newName = uniqueName("Counter sale");
		renamed.put("name", newName);

		var answer = api.put(path, renamed, "If-Match", api.get(path).header("ETag"));
		try {
			assertThat(answer.status()).as("%s", answer).isEqualTo(200);
			JsonNode after = read(api, path);
			assertThat(after.path("name").asString()).isEqualTo(newName);
			assertThat(after.path("code").asString()).isEqualTo("WALK-IN");
			assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
		}
		finally {
			var restored = api.put(path, customerForm(before), "If-Match", api.get(path).header("ETag"));
			assertThat(restored.status()).as("%s", restored).isEqualTo(200);
		}
	}

	@Test
	void refusesToDeactivateTheWalkInCustomer() {
		JsonNode walkIn = walkIn(api);
		String path = "/api/customers/" + walkIn.path("id").asLong();

		var refused = api.post(path + "/deactivate", because("nobody walks in any more"));

		assertRefusedAsSystemRecord(refused, walkIn);
		assertThat(read(api, path)).isEqualTo(walkIn);
	}

	@Test
	void refusesToDeleteTheWalkInCustomer() {
		JsonNode walkIn = walkIn(api);
		String path = "/api/customers/" + walkIn.path("id").asLong();

		var refused = api.delete(path + "?reason=" + Api.encode("tidying up"));

		assertRefusedAsSystemRecord(refused, walkIn);
		assertThat(read(api, path)).isEqualTo(walkIn);
		JsonNode impact = read(api, path + "/impact");
		for (String action : new String[] { "deactivate", "delete" }) {
			assertThat(impact.path("actions").path(action).path("allowed").asBoolean()).as(action).isFalse();
			assertThat(impact.path("actions").path(action).path("reason").asString()).as(action).contains("system");
		}
	}

	private static void assertRefusedAsSystemRecord(Api.Response refused, JsonNode walkIn) {
		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("system-record");
		assertThat(refused.json().path("detail").asString()).contains(walkIn.path("name").asString()).contains("WALK-IN");
	}

}
