package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

@BackroomTest
class PasswordTests extends ApiTest {

	@Test
	void aUserChangesTheirOwnPasswordKnowingTheCurrentOne() {
		String username = staffWithRole("Cashier").get("/api/me").json().path("username").asString();
		Api withOld = anonymous.as(username, STAFF_PASSWORD);

		var wrong = withOld.post("/api/me/password", Map.of("currentPassword", "a guess", "newPassword",
				"a-brand-new-password"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
		var tooShort = withOld.post("/api/me/password", Map.of("currentPassword", STAFF_PASSWORD, "newPassword", "short"));
		assertThat(tooShort.status()).isEqualTo(422);

		assertThat(withOld.post("/api/me/password", Map.of("currentPassword", STAFF_PASSWORD, "newPassword",
				"a-brand-new-password")).status()).isEqualTo(204);
		assertThat(withOld.get("/api/me").status()).isEqualTo(401);
		assertThat(anonymous.as(username, "a-brand-new-password").get("/api/me").status()).isEqualTo(200);
		assertThat(api.get("/api/audit?action=staff.password-change&limit=100").body()).contains(username);
	}

	@Test
	void someoneWhoManagesStaffSetsAForgottenPasswordButNotTheirOwnThatWay() {
		Api clerk = staffWithRole("Cashier");
		var me = clerk.get("/api/me").json();
		long clerkId = me.path("id").asLong();

		assertThat(clerk.post("/api/staff/" + clerkId + "/password", Map.of("newPassword", "set-by-myself-1"))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/staff/" + clerkId + "/password", Map.of("newPassword", "set-by-the-owner-1"))
			.status()).isEqualTo(204);
		// The new password signs in, and the first thing it is asked for is a password of the clerk's own choosing.
		var signedIn = anonymous.as(me.path("username").asString(), "set-by-the-owner-1").get("/api/me");
		assertThat(signedIn.status()).isEqualTo(403);
		assertThat(signedIn.problemType()).isEqualTo("password-change-required");

		long adminId = api.get("/api/me").json().path("id").asLong();
		assertThat(api.post("/api/staff/" + adminId + "/password", Map.of("newPassword", "not-this-way-1")).status())
			.isEqualTo(403);
		assertThat(api.post("/api/staff/999999/password", Map.of("newPassword", "nobody-there-1")).status())
			.isEqualTo(404);
	}

}
