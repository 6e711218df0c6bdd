package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.backroom.BackroomApplication;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.backroom.support.FromAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances behind one load balancer: this test's application (with its embedded PostgreSQL) and a second,
 * separately started application on another port pointed at the same database. A sign-in on one is a sign-in on
 * both, a sign-out on one ends it on both, and failed guesses count on both.
 */
@BackroomTest(properties = "backroom.sign-in.failures-per-user-and-address=3")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossInstancesTests extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource database;

	private ConfigurableApplicationContext second;

	private int secondPort;

	@BeforeAll
	void startASecondInstance() {
		second = start();
		secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
		assertThat(secondPort).isNotEqualTo(port);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BackroomApplication.class)
			.properties("backroom.db.url=" + database.getJdbcUrl(), "server.port=0", "backroom.demo=false",
					"backroom.trash.purge-cron=-", "backroom.sign-in.failures-per-user-and-address=3",
					"spring.jmx.enabled=false")
			.run();
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aSignInOnOneInstanceIsASignInOnTheOther() {
		FormSession first = FormSession.browser(port);
		var signedIn = first.signIn("admin", ADMIN_PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("error");
		assertThat(first.cookie("SESSION")).isNotBlank();

		FormSession other = first.on(secondPort);
		var me = other.get("/api/me");
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().path("username").asString()).isEqualTo("admin");
		var page = other.get("/customers");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Sign out");
		// A form on the second instance takes the token the first one issued: it is the same session.
		var created = other.postJson("/api/customers", "{\"name\":\"Across instances\"}", "X-CSRF-TOKEN",
				first.pageToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void aSignOutOnOneInstanceEndsTheSessionOnTheOther() {
		FormSession first = FormSession.browser(port);
		first.signIn("admin", ADMIN_PASSWORD);
		FormSession other = first.on(secondPort);
		assertThat(other.get("/api/me").status()).isEqualTo(200);

		var signedOut = other.signOut();
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.header("Location")).contains("/login?logout");

		assertThat(first.get("/api/me").status()).isEqualTo(401);
		assertThat(first.get("/customers").status()).isEqualTo(302);
	}

	@Test
	void failedGuessesOnOneInstanceCountOnTheOther() {
		FromAddress onFirst = new FromAddress("127.0.3.1", port);
		FromAddress onSecond = new FromAddress("127.0.3.1", secondPort);
		assertThat(onFirst.getAs("/api/me", "admin", "guess-1").status()).isEqualTo(401);
		assertThat(onSecond.getAs("/api/me", "admin", "guess-2").status()).isEqualTo(401);
		assertThat(onFirst.getAs("/api/me", "admin", "guess-3").status()).isEqualTo(401);
		var refused = onSecond.getAs("/api/me", "admin", ADMIN_PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.problemType()).isEqualTo("too-many-attempts");
	}

	@Test
	void aRestartedInstanceStillRefusesTheGuesserAndStillKnowsTheSession() {
		FromAddress guesser = new FromAddress("127.0.3.2", secondPort);
		for (int guess = 0; guess < 3; guess++) {
			assertThat(guesser.getAs("/api/me", "admin", "guess-" + guess).status()).isEqualTo(401);
		}
		FormSession browser = FormSession.browser(secondPort);
		browser.signIn("admin", ADMIN_PASSWORD);

		second.close();
		second = start();
		secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

		var refused = new FromAddress("127.0.3.2", secondPort).getAs("/api/me", "admin", ADMIN_PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(browser.on(secondPort).get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void aRoleChangeOnOneInstanceAppliesAtTheNextRequestOnTheOther() {
		String role = "Across " + System.nanoTime();
		long roleId = api.post("/api/roles", java.util.Map.of("name", role, "permissions",
				java.util.List.of("customer.view", "customer.create"))).json().path("id").asLong();
		String token = staffWithRole(role).post("/api/me/tokens", java.util.Map.of("name", "till")).json()
			.path("token").asString();
		Api onSecond = new Api(secondPort).with("Authorization", "Bearer " + token);
		// The second instance keeps this user's permissions after these requests.
		assertThat(onSecond.post("/api/customers", java.util.Map.of("name", "Before")).status()).isEqualTo(201);
		assertThat(onSecond.get("/api/customers?limit=1").status()).isEqualTo(200);

		var narrowed = api.put("/api/roles/" + roleId, java.util.Map.of("name", role, "permissions",
				java.util.List.of("customer.view")), "If-Match", api.get("/api/roles/" + roleId).header("ETag"));
		assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);

		assertThat(onSecond.post("/api/customers", java.util.Map.of("name", "After")).status()).isEqualTo(403);
		assertThat(onSecond.get("/api/customers?limit=1").status()).isEqualTo(200);
	}

}
