package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/**
 * A password set by someone else is a way back in for whoever knew the old one unless it ends what the old one
 * opened: sessions and tokens. And the person chooses their own at once.
 */
@BackroomTest
class PasswordResetTests extends ApiTest {

	private static final String RESET = "set-by-the-owner-1";

	@Test
	void aPasswordResetEndsTheUsersSessionsAndRevokesTheirTokens() {
		Api cashier = staffWithRole("Cashier");
		var me = cashier.get("/api/me").json();
		String username = me.path("username").asString();
		PageSession page = PageSession.signIn(anonymous, username, STAFF_PASSWORD);
		assertThat(page.get("/customers").status()).isEqualTo(200);
		String token = cashier.post("/api/me/tokens", Map.of("name", "script")).json().path("token").asString();
		Api script = anonymous.with("Authorization", "Bearer " + token);
		assertThat(script.get("/api/me").status()).isEqualTo(200);

		assertThat(api.post("/api/staff/" + me.path("id").asLong() + "/password", Map.of("newPassword", RESET))
			.status()).isEqualTo(204);

		var afterReset = page.get("/customers");
		assertThat(afterReset.status()).as("the page session ended").isEqualTo(302);
		assertThat(afterReset.header("Location")).endsWith("/login");
		assertThat(script.get("/api/me").status()).isEqualTo(401);
		assertThat(cashier.get("/api/me").status()).as("the token the tests signed in with").isEqualTo(401);
		var revocations = api.get("/api/audit?action=token.revoke&recordKind=staff&recordId=" + me.path("id").asLong())
			.json().path("items");
		assertThat(revocations.size()).isEqualTo(2);
		assertThat(revocations.get(0).path("reason").asString()).contains("password");
	}

	@Test
	void afterAResetTheApiAsksForANewPasswordBeforeAnythingElse() {
		Api cashier = staffWithRole("Cashier");
		var me = cashier.get("/api/me").json();
		String username = me.path("username").asString();
		api.post("/api/staff/" + me.path("id").asLong() + "/password", Map.of("newPassword", RESET));
		Api withReset = anonymous.as(username, RESET);

		for (var refused : new Api.Response[] { withReset.get("/api/me"), withReset.get("/api/customers"),
				withReset.post("/api/me/tokens", Map.of("name", "sneak")) }) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.problemType()).isEqualTo("password-change-required");
			assertThat(refused.json().path("detail").asString()).contains("/api/me/password");
		}
		assertThat(withReset.post("/api/me/password", Map.of("currentPassword", RESET, "newPassword", "chosen-by-me-1"))
			.status()).isEqualTo(204);
		Api chosen = anonymous.as(username, "chosen-by-me-1");
		assertThat(chosen.get("/api/me").status()).isEqualTo(200);
		assertThat(chosen.get("/api/customers").status()).isEqualTo(200);
	}

	@Test
	void afterAResetThePageSignInGoesToTheChangePasswordPage() {
		Api cashier = staffWithRole("Cashier");
		var me = cashier.get("/api/me").json();
		String username = me.path("username").asString();
		api.post("/api/staff/" + me.path("id").asLong() + "/password", Map.of("newPassword", RESET));

		PageSession page = PageSession.signIn(anonymous, username, RESET);
		var sent = page.get("/customers");
		assertThat(sent.status()).isEqualTo(302);
		assertThat(sent.header("Location")).endsWith("/me/password");
		var form = page.get("/me/password");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("for=\"currentPassword\"", "for=\"newPassword\"");

		var wrong = page.post("/me/password", "currentPassword=nope&newPassword=chosen-by-me-2", PageSession.csrf(form.body()));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("is not your current password");
		var changed = page.post("/me/password", "currentPassword=" + RESET + "&newPassword=chosen-by-me-2",
				PageSession.csrf(wrong.body()));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(302);
		assertThat(page.get("/customers").status()).isEqualTo(200);
		assertThat(anonymous.as(username, "chosen-by-me-2").get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void revokingARevokedTokenChangesNothing() {
		Api cashier = staffWithRole("Cashier");
		long staffId = cashier.get("/api/me").json().path("id").asLong();
		long tokenId = cashier.post("/api/me/tokens", Map.of("name", "once")).json().path("id").asLong();

		assertThat(cashier.delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);
		var revokedAt = revokedAt(cashier, tokenId);
		assertThat(cashier.delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);

		assertThat(revokedAt(cashier, tokenId)).isEqualTo(revokedAt);
		var entries = api.get("/api/audit?action=token.revoke&recordKind=staff&recordId=" + staffId).json().path("items");
		assertThat(entries.size()).isEqualTo(1);
		assertThat(cashier.delete("/api/me/tokens/999999").status()).isEqualTo(404);
	}

	private static String revokedAt(Api user, long tokenId) {
		return user.get("/api/me/tokens").json().valueStream()
			.filter(token -> token.path("id").asLong() == tokenId)
			.findFirst()
			.orElseThrow()
			.path("revokedAt")
			.asString();
	}

}
