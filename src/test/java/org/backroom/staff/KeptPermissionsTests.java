package org.backroom.staff;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in user's permissions are kept between requests and read again only when someone's roles or a role's
 * permissions changed: each test makes the user's permissions kept first (requests before the change), then checks
 * that the very next request after the change is judged by the new permissions, both ways.
 */
@BackroomTest
class KeptPermissionsTests extends ApiTest {

	@Test
	void aRoleLosingAndRegainingAPermissionAppliesAtTheNextRequestOfATokenItsHoldersKeptUsing() {
		String role = "Counter " + System.nanoTime();
		var created = api.post("/api/roles", Map.of("name", role, "permissions",
				List.of("customer.view", "customer.create")));
		long roleId = created.json().path("id").asLong();
		Api clerk = staffWithRole(role);
		assertThat(clerk.post("/api/customers", Map.of("name", "Before the change")).status()).isEqualTo(201);
		assertThat(clerk.get("/api/customers?limit=1").status()).isEqualTo(200);

		var narrowed = api.put("/api/roles/" + roleId, Map.of("name", role, "permissions", List.of("customer.view")),
				"If-Match", api.get("/api/roles/" + roleId).header("ETag"));
		assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
		assertThat(clerk.post("/api/customers", Map.of("name", "After narrowing")).status()).isEqualTo(403);
		assertThat(clerk.get("/api/customers?limit=1").status()).isEqualTo(200);

		var widened = api.put("/api/roles/" + roleId, Map.of("name", role, "permissions",
				List.of("customer.view", "customer.create")), "If-Match", narrowed.header("ETag"));
		assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
		assertThat(clerk.post("/api/customers", Map.of("name", "After widening")).status()).isEqualTo(201);
	}

	@Test
	void losingAndRegainingARoleAppliesAtTheNextRequest() {
		String viewing = "Looker " + System.nanoTime();
		String creating = "Maker " + System.nanoTime();
		api.post("/api/roles", Map.of("name", viewing, "permissions", List.of("customer.view")));
		api.post("/api/roles", Map.of("name", creating, "permissions", List.of("customer.view", "customer.create")));
		Api clerk = staffWithRole(viewing, creating);
		long id = clerk.get("/api/me").json().path("id").asLong();
		assertThat(clerk.post("/api/customers", Map.of("name", "With both roles")).status()).isEqualTo(201);

		assertThat(changeRoles(id, List.of(viewing))).isEqualTo(200);
		assertThat(clerk.post("/api/customers", Map.of("name", "With one role")).status()).isEqualTo(403);
		assertThat(clerk.get("/api/customers?limit=1").status()).isEqualTo(200);

		assertThat(changeRoles(id, List.of(viewing, creating))).isEqualTo(200);
		assertThat(clerk.post("/api/customers", Map.of("name", "With both again")).status()).isEqualTo(201);
	}

	@Test
	void anotherUsersChangeLeavesEachUserWithTheirOwnPermissions() {
		String viewing = "Glance " + System.nanoTime();
		api.post("/api/roles", Map.of("name", viewing, "permissions", List.of("customer.view")));
		Api viewer = staffWithRole(viewing);
		Api cashier = staffWithRole("Cashier");
		assertThat(viewer.get("/api/me").json().path("permissions").toString()).doesNotContain("sales.create");
		String cashierPermissions = cashier.get("/api/me").json().path("permissions").toString();
		assertThat(cashierPermissions).contains("sales.create");

		Api someoneElse = staffWithRole("Cashier");
		assertThat(changeRoles(someoneElse.get("/api/me").json().path("id").asLong(), List.of(viewing))).isEqualTo(200);

		assertThat(viewer.get("/api/me").json().path("permissions").toString()).isEqualTo("[\"customer.view\"]");
		assertThat(cashier.get("/api/me").json().path("permissions").toString()).isEqualTo(cashierPermissions);
	}

	private int changeRoles(long staffId, List<String> roles) {
		var current = api.get("/api/staff/" + staffId);
		return api.put("/api/staff/" + staffId, Map.of("displayName", current.json().path("displayName").asString(),
				"roles", roles), "If-Match", current.header("ETag")).status();
	}

}
