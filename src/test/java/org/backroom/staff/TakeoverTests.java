package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/** The ways an insider with a little power took over the owner, each tried again. */
@BackroomTest
class TakeoverTests extends ApiTest {

	@Test
	void someoneWhoOnlyManagesStaffCannotSetTheOwnersPasswordAndSignInAsTheOwner() {
		Api hr = staffWithRole(role("staff.view", "staff.manage"));
		long adminId = api.get("/api/staff?q=admin").json().path("items").get(0).path("id").asLong();
		String audit = newestAuditEntry();

		var refused = hr.post("/api/staff/" + adminId + "/password", Map.of("newPassword", "taken-over-by-hr"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("forbidden");
		assertThat(refused.json().path("missingPermissions").toString()).contains("settings.manage", "role.manage");
		assertThat(refused.json().path("missingPermission").asString()).isNotBlank();
		assertThat(newestAuditEntry()).isEqualTo(audit);
		assertThat(anonymous.as("admin", ADMIN_PASSWORD).get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void someoneWhoManagesRolesCannotGiveTheirOwnRoleEveryPermission() {
		String mine = role("role.manage");
		Api roleManager = staffWithRole(mine);
		long roleId = roleId(mine);
		var before = api.get("/api/roles/" + roleId);
		List<String> everything = api.get("/api/permissions").json().valueStream().map(node -> node.asString()).toList();

		var refused = roleManager.put("/api/roles/" + roleId, Map.of("name", mine, "permissions", everything),
				"If-Match", String.valueOf(before.header("ETag")));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("forbidden");
		assertThat(refused.json().path("detail").asString()).contains("you hold");
		assertThat(api.get("/api/roles/" + roleId).body()).isEqualTo(before.body());
		assertThat(roleManager.get("/api/me").json().path("permissions").toString()).isEqualTo("[\"role.manage\"]");
	}

	@Test
	void someoneWhoManagesRolesCannotWriteAPermissionTheyLackIntoAnotherRole() {
		Api roleManager = staffWithRole(role("role.manage"));
		String other = role("role.manage");
		long otherId = roleId(other);
		var before = api.get("/api/roles/" + otherId);

		var refused = roleManager.put("/api/roles/" + otherId,
				Map.of("name", other, "permissions", List.of("role.manage", "settings.manage")), "If-Match",
				String.valueOf(before.header("ETag")));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.json().path("missingPermissions").toString()).isEqualTo("[\"settings.manage\"]");
		assertThat(api.get("/api/roles/" + otherId).body()).isEqualTo(before.body());
		var create = roleManager.post("/api/roles", Map.of("name", "Escalation " + UUID.randomUUID(), "permissions",
				List.of("settings.manage")));
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.json().path("missingPermissions").toString()).isEqualTo("[\"settings.manage\"]");
	}

	@Test
	void cloningTheOwnerRoleGivesARoleManagerNothing() {
		Api roleManager = staffWithRole(role("role.manage"));
		int roles = api.get("/api/roles").json().size();

		var refused = roleManager.post("/api/roles/" + roleId("Owner") + "/clone", Map.of("name", "My owner"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.json().path("missingPermissions").toString()).contains("settings.manage");
		assertThat(api.get("/api/roles").json().size()).isEqualTo(roles);
	}

	private String role(String... permissions) {
		String name = "Role " + UUID.randomUUID().toString().substring(0, 8);
		var created = api.post("/api/roles", Map.of("name", name, "permissions", List.of(permissions)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return name;
	}

	private long roleId(String name) {
		return api.get("/api/roles").json().valueStream()
			.filter(role -> role.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
	}

	private String newestAuditEntry() {
		return api.get("/api/audit?limit=1").json().path("items").get(0).path("id").asString();
	}

}
