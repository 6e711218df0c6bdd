package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.backroom.support.FromAddress;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing is refused per (user name, address) and per address, and only slowed down per user name, so
 * nobody can lock the owner out. The clients here are real loopback addresses (127.0.0.x), which the server sees as
 * the remote address. Own application: own counters. Forwarded headers are trusted here only for the Secure cookie
 * test; no request below sends one.
 */
@BackroomTest(properties = { "backroom.sign-in.failures-per-user-and-address=3",
		"backroom.sign-in.failures-per-address=6", "backroom.sign-in.failures-per-user=8",
		"backroom.sign-in.user-delay=1500ms", "server.forward-headers-strategy=native" })
class SignInThrottleTests extends ApiTest {

	/** Each test takes addresses no other test uses: 127.0.<n>.x. */
	private static final AtomicInteger NETWORK = new AtomicInteger(10);

	@LocalServerPort
	int port;

	private final int network = NETWORK.getAndIncrement();

	private FromAddress from(int host) {
		return new FromAddress("127.0." + network + "." + host, port);
	}

	private String newUser(String... roles) {
		String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var created = api.post("/api/staff", Map.of("username", username, "displayName", "Test " + username,
				"password", STAFF_PASSWORD, "roles", List.of(roles)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return username;
	}

	@Test
	void anAttackerFailingOnTheOwnerFromOneAddressDoesNotStopTheOwnerFromAnother() {
		FromAddress attacker = from(1);
		for (int guess = 0; guess < 3; guess++) {
			assertThat(attacker.getAs("/api/me", "admin", "guess-" + guess).status()).isEqualTo(401);
		}
		var refused = attacker.getAs("/api/me", "admin", ADMIN_PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.problemType()).isEqualTo("too-many-attempts");
		assertThat(Long.parseLong(String.valueOf(refused.header("Retry-After")))).isBetween(1L, 60L);

		var owner = from(2).getAs("/api/me", "admin", ADMIN_PASSWORD);
		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.json().path("username").asString()).isEqualTo("admin");
		// The attacker's address still waits: the owner's success forgives only the owner's own address.
		assertThat(attacker.getAs("/api/me", "admin", ADMIN_PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void refusesAnAddressThatFailsForManyUserNamesButNotTheOthers() {
		String clerk = newUser("Cashier");
		FromAddress sprayer = from(1);
		for (int name = 0; name < 6; name++) {
			assertThat(sprayer.getAs("/api/me", "nobody" + name + "-" + network, "password").status()).isEqualTo(401);
		}
		var refused = sprayer.getAs("/api/me", clerk, STAFF_PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.problemType()).isEqualTo("too-many-attempts");
		assertThat(from(2).getAs("/api/me", clerk, STAFF_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void slowsDownButNeverRefusesAUserNameThatFailsFromEverywhere() {
		String clerk = newUser("Cashier");
		long before = timed(() -> assertThat(from(100).getAs("/api/me", clerk, STAFF_PASSWORD).status()).isEqualTo(200));
		// Eight failures from four addresses: no (user, address) pair and no address reaches its own limit.
		for (int host = 1; host <= 4; host++) {
			for (int guess = 0; guess < 2; guess++) {
				assertThat(from(host).getAs("/api/me", clerk, "guess-" + guess).status()).isEqualTo(401);
			}
		}
		// The right password from a fresh address still signs in: held back by the delay, never refused.
		long after = timed(() -> assertThat(from(200).getAs("/api/me", clerk, STAFF_PASSWORD).status()).isEqualTo(200));
		assertThat(after).as("before the failures it took " + before + " ms").isGreaterThanOrEqualTo(1500);
	}

	@Test
	void deactivatedUnknownAndWrongPasswordSignInsLookTheSame() {
		String active = newUser("Cashier");
		String deactivated = newUser("Cashier");
		long id = api.get("/api/staff?q=" + deactivated + "&status=all").json().path("items").get(0).path("id").asLong();
		assertThat(api.post("/api/staff/" + id + "/deactivate", Map.of("reason", "left")).status()).isEqualTo(200);
		String unknown = "nosuch" + network;

		Map<String, List<Api.Response>> answers = new java.util.LinkedHashMap<>();
		Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
		String[][] cases = { { "deactivated", deactivated, STAFF_PASSWORD }, { "unknown", unknown, STAFF_PASSWORD },
				{ "wrong password", active, "not-" + STAFF_PASSWORD } };
		int host = 1;
		for (int round = 0; round < 5; round++) {
			for (String[] c : cases) {
				FromAddress client = from(host++);
				long took = timed(() -> answers.computeIfAbsent(c[0], key -> new ArrayList<>())
					.add(client.getAs("/api/me", c[1], c[2])));
				times.computeIfAbsent(c[0], key -> new ArrayList<>()).add(took);
			}
		}
		Api.Response first = answers.get("wrong password").get(0);
		assertThat(first.status()).isEqualTo(401);
		answers.forEach((kind, list) -> list.forEach(answer -> {
			assertThat(answer.status()).as(kind).isEqualTo(first.status());
			assertThat(answer.body()).as(kind).isEqualTo(first.body());
			assertThat(answer.header("WWW-Authenticate")).as(kind).isEqualTo(first.header("WWW-Authenticate"));
		}));
		// Each kind costs one bcrypt check: the medians are within a factor of two of each other.
		List<Long> medians = times.values().stream().map(SignInThrottleTests::median).toList();
		long fastest = medians.stream().mapToLong(Long::longValue).min().orElseThrow();
		long slowest = medians.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(slowest).as("median times " + times).isLessThanOrEqualTo(2 * fastest + 20);
	}

	@Test
	void theSessionCookieIsSecureWhenTheProxyGotTheRequestOverHttps() {
		var answer = FormSession.browser(port).signIn("admin", ADMIN_PASSWORD, "X-Forwarded-Proto", "https");
		assertThat(FormSession.setCookies(answer)).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
			.containsIgnoringCase("Secure")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static long timed(Runnable action) {
		long started = System.nanoTime();
		action.run();
		return (System.nanoTime() - started) / 1_000_000;
	}

}
