package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

@BackroomTest
class StaffLifecycleTests extends ApiTest {

	@Test
	void nobodyCanDeactivateThemselves() {
		long me = api.get("/api/me").json().path("id").asLong();
		var answer = api.post("/api/staff/" + me + "/deactivate", Map.of("reason", "tired"));
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.json().path("detail").asString()).contains("themselves");
	}

	@Test
	void aStaffUserWhoSoldSomethingCanOnlyBeDeactivated() {
		Api cashier = staffWithRole("Cashier");
		long cashierId = cashier.get("/api/me").json().path("id").asLong();
		long itemId = api.post("/api/items", Map.of("sku", "STF-" + System.nanoTime(), "name", "Pen", "price", "1.00"))
			.json().path("id").asLong();
		assertThat(cashier.post("/api/sales-orders", Map.of("payment", "CASH", "lines",
				List.of(Map.of("itemId", itemId, "quantity", 1)))).status()).isEqualTo(201);

		var delete = api.delete("/api/staff/" + cashierId + "?reason=left");
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.problemType()).isEqualTo("record-referenced");
		assertThat(delete.json().path("dependents").path("salesOrders").asInt()).isEqualTo(1);

		assertThat(api.post("/api/staff/" + cashierId + "/deactivate", Map.of("reason", "left")).status()).isEqualTo(200);
	}

	@Test
	void aStaffUserWhoNeverWorkedGoesToTheTrashAndComesBack() {
		var created = api.post("/api/staff", Map.of("username", "temp" + System.nanoTime() % 100000, "displayName",
				"Temp", "password", STAFF_PASSWORD, "roles", List.of("Cashier")));
		long id = created.json().path("id").asLong();
		assertThat(api.delete("/api/staff/" + id + "?reason=never%20started").status()).isEqualTo(200);
		assertThat(api.get("/api/staff/" + id).json().path("status").asString()).isEqualTo("DELETED");
		assertThat(api.post("/api/staff/" + id + "/restore", Map.of("reason", "starts after all")).status())
			.isEqualTo(200);
	}

	@Test
	void refusesUnknownRolesAndDuplicateUserNames() {
		var unknownRole = api.post("/api/staff", Map.of("username", "newbie", "displayName", "N", "password",
				STAFF_PASSWORD, "roles", List.of("Wizard")));
		assertThat(unknownRole.status()).isEqualTo(422);
		assertThat(unknownRole.json().path("errors").get(0).path("field").asString()).isEqualTo("roles");
		var duplicate = api.post("/api/staff", Map.of("username", "admin", "displayName", "Again", "password",
				STAFF_PASSWORD));
		assertThat(duplicate.status()).isEqualTo(422);
		var shortPassword = api.post("/api/staff", Map.of("username", "shorty", "displayName", "S", "password", "abc"));
		assertThat(shortPassword.status()).isEqualTo(422);
		assertThat(shortPassword.body()).doesNotContain("abc\"");
	}

	@Test
	void pagesThroughStaffByNameEachOnceEvenWithNamesJavaLowerCasesDifferently() {
		String tag = "pg" + System.nanoTime() % 100000;
		List<String> names = List.of("ΝΙΚΟΣ " + tag, "İlkay " + tag, "Ilsa " + tag, "imogen " + tag, "Zoë " + tag);
		for (int i = 0; i < names.size(); i++) {
			assertThat(api.post("/api/staff", Map.of("username", tag + "u" + i, "displayName", names.get(i), "password",
					STAFF_PASSWORD)).status()).isEqualTo(201);
		}
		var walked = org.backroom.support.StoreRecords.allPages(api, "/api/staff?q=" + tag, 1)
			.stream()
			.map(member -> member.path("displayName").asString())
			.toList();
		assertThat(walked).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
		assertThat(walked).isEqualTo(org.backroom.support.StoreRecords.allPages(api, "/api/staff?q=" + tag, 100)
			.stream()
			.map(member -> member.path("displayName").asString())
			.toList());
	}

}
