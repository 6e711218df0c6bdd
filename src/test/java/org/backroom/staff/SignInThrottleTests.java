package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/** Password guessing is refused for a while: per user name, and per address. Own application: own counters. */
@BackroomTest(properties = { "backroom.sign-in.failures-per-user=3", "backroom.sign-in.failures-per-address=6" })
class SignInThrottleTests extends ApiTest {

	@Test
	void refusesAUserNameForAWhileAfterRepeatedFailuresEvenWithTheRightPassword() {
		Api guesser = staffWithRole("Cashier");
		String username = guesser.get("/api/me").json().path("username").asString();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(anonymous.as(username, "wrong-" + attempt).get("/api/me").status()).isEqualTo(401);
		}
		var refused = anonymous.as(username, STAFF_PASSWORD).get("/api/me");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.problemType()).isEqualTo("too-many-attempts");
		assertThat(Long.parseLong(String.valueOf(refused.header("Retry-After")))).isPositive();
		// Someone else from another user name is not locked out by this user's failures alone.
		assertThat(api.get("/api/me").status()).isEqualTo(200);
	}

}
