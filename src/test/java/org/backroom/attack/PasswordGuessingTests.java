package org.backroom.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FromAddress;
import org.junit.jupiter.api.Test;

/**
 * Someone who finds a till left signed in (a session or a token, not the password) must not be able to learn the
 * password behind it: changing one's own password checks the current one, and those checks are throttled like
 * sign-ins, with the failures kept although the refused request itself rolls back.
 */
@BackroomTest
class PasswordGuessingTests extends ApiTest {

	@Test
	void guessingTheCurrentPasswordOfASignedInUserIsThrottledLikeSigningIn() {
		String username = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var created = api.post("/api/staff", Map.of("username", username, "displayName", "Guessed " + username,
				"password", STAFF_PASSWORD, "roles", List.of("Cashier")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var token = anonymous.as(username, STAFF_PASSWORD).post("/api/me/tokens", Map.of("name", "left at the till"));
		Api till = anonymous.with("Authorization", "Bearer " + token.json().path("token").asString());

		for (int guess = 0; guess < 5; guess++) {
			var wrong = till.post("/api/me/password",
					Map.of("currentPassword", "guess-number-" + guess, "newPassword", "taken-over-password"));
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
		}
		var refused = till.post("/api/me/password",
				Map.of("currentPassword", STAFF_PASSWORD, "newPassword", "taken-over-password"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.problemType()).isEqualTo("too-many-attempts");
		assertThat(Long.parseLong(String.valueOf(refused.header("Retry-After")))).isBetween(1L, 3600L);
		// The password is as it was, and its owner still signs in from an address that did not guess.
		var elsewhere = new FromAddress("127.0.201.1", port()).getAs("/api/me", username, STAFF_PASSWORD);
		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
		assertThat(new FromAddress("127.0.201.2", port()).getAs("/api/me", username, "taken-over-password").status())
			.isEqualTo(401);
	}

}
