package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backroom on an external PostgreSQL that goes away (its postmaster killed) and comes back: while it is away every
 * request is told so honestly, whoever sends it, and when it is back Backroom serves again without a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "backroom.demo=false", "backroom.trash.purge-cron=-",
				"backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD })
class DatabaseOutageTests extends ApiTest {

	private static EmbeddedServer external;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws IOException {
		// Durable: killed moments after the owner's token was created, a relaxed server would lose that commit.
		external = EmbeddedServer.start(Files.createTempDirectory("backroom-external-"), true, Durability.DURABLE);
		registry.add("backroom.db.url", () -> "jdbc:postgresql://localhost:" + external.port() + "/postgres");
		registry.add("backroom.db.user", () -> "postgres");
	}

	@AfterAll
	static void stopTheExternalServer() {
		external.close();
	}

	@Test
	void answersEveryRequestWith503WhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws IOException {
		assertThat(api.get("/api/customers").status()).isEqualTo(200);
		Api withPassword = anonymous.as("admin", ADMIN_PASSWORD);

		ProcessHandle.of(external.pid()).orElseThrow().destroyForcibly();
		long killed = System.nanoTime();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
			.until(() -> anonymous.get("/actuator/health").body().contains("\"DOWN\""));
		System.out.printf("health said DOWN %d ms after the database went away%n", (System.nanoTime() - killed) / 1_000_000);

		for (Api client : new Api[] { api, withPassword, anonymous }) {
			Api.Response answer = client.get("/api/customers");
			assertThat(answer.status()).as("%s", answer).isEqualTo(503);
			assertThat(answer.problemType()).isEqualTo("database-unavailable");
			assertThat(answer.header("Retry-After")).isNotBlank();
		}
		assertThat(withPassword.post("/api/customers", "{\"name\":\"Nobody\"}").status()).isEqualTo(503);
		Api.Response page = anonymous.get("/customers", "Accept", "text/html");
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.body()).contains("Backroom cannot reach its database");

		external.startPostmaster(30_000);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> {
				Api.Response answer = api.get("/api/customers");
				assertThat(answer.status()).as("%s", answer).isEqualTo(200);
			});
		assertThat(withPassword.get("/api/customers").status()).isEqualTo(200);
		assertThat(anonymous.get("/api/customers").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/health").body()).contains("\"UP\"");
	}

}
