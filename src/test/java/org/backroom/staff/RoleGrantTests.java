package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/** Whoever gives roles cannot give more than they hold, nor change their own: no way to make oneself an owner. */
@BackroomTest
class RoleGrantTests extends ApiTest {

	@Test
	void someoneWhoManagesStaffCannotGrantARoleWithPermissionsTheyLack() {
		Api hr = staffWithRole(hrRole());
		var refused = hr.post("/api/staff", Map.of("username", "acc" + System.nanoTime() % 100000, "displayName",
				"Accomplice", "password", STAFF_PASSWORD, "roles", List.of("Owner")));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("forbidden");
		assertThat(refused.json().path("missingPermission").asString()).isNotBlank();

		String viewer = "Staff viewer " + System.nanoTime();
		api.post("/api/roles", Map.of("name", viewer, "permissions", List.of("staff.view")));
		var allowed = hr.post("/api/staff", Map.of("username", "clerk" + System.nanoTime() % 100000, "displayName",
				"Clerk", "password", STAFF_PASSWORD, "roles", List.of(viewer)));
		assertThat(allowed.status()).as("a role within what HR holds").isEqualTo(201);
	}

	@Test
	void nobodyChangesTheirOwnRoles() {
		String role = hrRole();
		Api hr = staffWithRole(role);
		var me = hr.get("/api/me").json();
		long id = me.path("id").asLong();
		String etag = String.valueOf(hr.get("/api/staff/" + id).header("ETag"));

		var refused = hr.put("/api/staff/" + id, Map.of("displayName", "HR", "roles", List.of(role, "Owner")),
				"If-Match", etag);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(hr.get("/api/me").json().path("permissions").toString()).doesNotContain("settings.manage");
		assertThat(hr.patch("/api/settings", Map.of("trash", Map.of("retentionDays", 7))).status()).isEqualTo(403);
	}

	@Test
	void aCashierCannotOpenACustomerAccountWithCredit() {
		Api cashier = staffWithRole("Cashier");
		var refused = cashier.post("/api/customers", Map.of("name", "Friend of the till", "creditAllowed", true,
				"creditLimit", "9999999999.99"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("missingPermission").asString()).isEqualTo("customer.edit");
		assertThat(cashier.post("/api/customers", Map.of("name", "Cash only customer")).status()).isEqualTo(201);
	}

	/** A role that manages staff but holds nothing else of the Owner's. */
	private String hrRole() {
		String name = "HR " + System.nanoTime();
		api.post("/api/roles", Map.of("name", name, "permissions",
				List.of("staff.view", "staff.create", "staff.edit", "staff.manage")));
		return name;
	}

}
