package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

@BackroomTest
class SignInTests extends ApiTest {

	@Test
	void refusesAnonymousRequestsWithAProblem() {
		var answer = anonymous.get("/api/customers");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.problemType()).isEqualTo("unauthenticated");
		assertThat(answer.header("WWW-Authenticate")).contains("Basic");
	}

	@Test
	void refusesAWrongPasswordWithAProblemAndKeepsTheAttemptInTheAuditTrail() {
		var answer = anonymous.as("nosuchuser", "not-the-password").get("/api/me");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.problemType()).isEqualTo("unauthenticated");
		var trail = api.get("/api/audit?action=staff.sign-in-failed&limit=100");
		assertThat(trail.status()).isEqualTo(200);
		assertThat(trail.body()).contains("nosuchuser");
	}

	@Test
	void letsHealthThroughWithoutSigningIn() {
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void showsWhoIsSignedInAndWhatTheyMayDo() {
		var me = staffWithRole("Cashier").get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("permissions").toString()).contains("sales.create", "customer.create")
			.doesNotContain("customer.reactivate", "customer.delete", "customer.purge");
	}

	@Test
	void listsTheOwnersPermissionsInAlphabeticalOrderOnEveryCall() {
		List<String> first = permissionsOfMe();
		assertThat(first).hasSizeGreaterThan(20).isSorted().doesNotHaveDuplicates();
		for (int call = 0; call < 20; call++) {
			assertThat(permissionsOfMe()).containsExactlyElementsOf(first);
		}
	}

	private List<String> permissionsOfMe() {
		List<String> permissions = new ArrayList<>();
		api.get("/api/me").json().path("permissions").forEach(permission -> permissions.add(permission.asString()));
		return permissions;
	}

	@Test
	void aCashierCreatesCustomersAndSellsButCannotReactivateDeleteOrPurge() {
		Api cashier = staffWithRole("Cashier");
		var customer = cashier.post("/api/customers", Map.of("name", "Walk-up Wendy"));
		assertThat(customer.status()).isEqualTo(201);
		long customerId = customer.json().path("id").asLong();
		long itemId = api.post("/api/items", Map.of("sku", "CSH-" + System.nanoTime(), "name", "Tea", "price", "2.00"))
			.json().path("id").asLong();
		var sale = cashier.post("/api/sales-orders", Map.of("customerId", customerId, "payment", "CASH", "lines",
				java.util.List.of(Map.of("itemId", itemId, "quantity", 1))));
		assertThat(sale.status()).isEqualTo(201);
		assertThat(sale.json().path("createdBy").asString()).startsWith("u");

		api.post("/api/customers/" + customerId + "/deactivate", Map.of("reason", "test"));
		assertThat(cashier.post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(cashier.delete("/api/customers/" + customerId + "?reason=x").status()).isEqualTo(403);
		assertThat(cashier.post("/api/customers/" + customerId + "/purge", Map.of("reason", "x")).status()).isEqualTo(403);
	}

	@Test
	void aDeactivatedUserIsSignedOutAtOnceEverywhere() {
		Api clerk = staffWithRole("Cashier");
		String username = clerk.get("/api/me").json().path("username").asString();
		Api byPassword = anonymous.as(username, STAFF_PASSWORD);
		var token = byPassword.post("/api/me/tokens", Map.of("name", "till")).json().path("token").asString();
		Api byToken = anonymous.with("Authorization", "Bearer " + token);
		long id = clerk.get("/api/me").json().path("id").asLong();
		assertThat(byPassword.get("/api/me").status()).isEqualTo(200);
		assertThat(byToken.get("/api/me").status()).isEqualTo(200);

		assertThat(api.post("/api/staff/" + id + "/deactivate", Map.of("reason", "left the company")).status())
			.isEqualTo(200);

		assertThat(byPassword.get("/api/me").status()).isEqualTo(401);
		assertThat(byToken.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void tokensAreEachUsersOwnAndStopWorkingWhenRevoked() {
		Api owner = api;
		Api clerk = staffWithRole("Cashier");
		var created = clerk.post("/api/me/tokens", Map.of("name", "scanner"));
		assertThat(created.status()).isEqualTo(201);
		long tokenId = created.json().path("id").asLong();
		Api byToken = anonymous.with("Authorization", "Bearer " + created.json().path("token").asString());
		assertThat(clerk.get("/api/me/tokens").body()).contains("scanner").doesNotContain(created.json().path("token").asString());
		assertThat(owner.get("/api/me/tokens").body()).doesNotContain("scanner");
		assertThat(owner.delete("/api/me/tokens/" + tokenId).status()).isEqualTo(404);
		assertThat(byToken.get("/api/me").status()).isEqualTo(200);

		assertThat(clerk.delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);
		var refused = byToken.get("/api/me");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.problemType()).isEqualTo("unauthenticated");
	}

	@Test
	void aRoleChangeTakesEffectOnTheNextRequest() {
		String role = "Viewer " + System.nanoTime();
		var created = api.post("/api/roles", Map.of("name", role, "permissions", java.util.List.of("customer.view")));
		Api viewer = staffWithRole(role);
		assertThat(viewer.post("/api/customers", Map.of("name", "Not yet")).status()).isEqualTo(403);

		long roleId = created.json().path("id").asLong();
		var updated = api.put("/api/roles/" + roleId, Map.of("name", role, "permissions",
				java.util.List.of("customer.view", "customer.create")), "If-Match", created.header("ETag") == null ? "\"0\"" : created.header("ETag"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

		assertThat(viewer.post("/api/customers", Map.of("name", "Now allowed")).status()).isEqualTo(201);
	}

}
