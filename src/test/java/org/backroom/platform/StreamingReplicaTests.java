package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.backroom.BackroomApplication;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backroom on a primary with a real streaming replica: two PostgreSQL servers, the second a hot standby made from a
 * base backup of the first and fed by streaming replication. Reports and their CSV exports read the standby (a sale
 * shows in them once the standby has replayed it, and not before), every write goes to the primary, and while the
 * standby is down a report is answered with a clear 503 while the rest of the store keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingReplicaTests {

	private static final String REPORT = "/api/reports/sales-by-customer?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
			+ "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(2);

	private EmbeddedServer primary;

	private StreamingStandby standby;

	private ConfigurableApplicationContext backroom;

	private Api owner;

	@BeforeAll
	void startAPrimaryItsStandbyAndBackroomOnBoth() throws Exception {
		primary = EmbeddedServer.start(Files.createTempDirectory("backroom-primary-"), true, Durability.RELAXED);
		standby = StreamingStandby.of(primary, Files.createTempDirectory("backroom-standby-"));
		// Arguments, not default properties: application.properties would override those with its ${BACKROOM_...}.
		backroom = new SpringApplicationBuilder(BackroomApplication.class).run(
				"--backroom.db.url=jdbc:postgresql://127.0.0.1:" + primary.port() + "/postgres",
				"--backroom.db.user=postgres", "--backroom.db.replica-url=" + standby.url(), "--server.port=0",
				"--backroom.data.dir=", "--backroom.demo=false", "--backroom.trash.purge-cron=-",
				"--backroom.audit.checkpoint-cron=-", "--backroom.backup.dir=target/test-backups",
				"--spring.jmx.enabled=false", "--backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD);
		int port = ((WebServerApplicationContext) backroom).getWebServer().getPort();
		String token = new Api(port).as("admin", ApiTest.ADMIN_PASSWORD)
			.post("/api/me/tokens", Map.of("name", "replica"))
			.json()
			.path("token")
			.asString();
		owner = new Api(port).with("Authorization", "Bearer " + token);
	}

	@AfterAll
	void stopEverything() {
		if (backroom != null) {
			backroom.close();
		}
		if (standby != null) {
			standby.close();
		}
		if (primary != null) {
			primary.close();
		}
	}

	@Test
	void aSaleShowsInTheReportAndItsCsvOnlyOnceTheStandbyHasReplayedIt() throws Exception {
		String name = StoreRecords.uniqueName("Standby reader");
		long customer = StoreRecords.customer(owner, name).path("id").asLong();
		long item = StoreRecords.item(owner, StoreRecords.uniqueName("Standby item"), "3.00").path("id").asLong();

		onStandby("SELECT pg_wal_replay_pause()::text", String.class);
		try {
			await("replay paused").atMost(Duration.ofSeconds(10))
				.until(() -> "paused".equals(onStandby("SELECT pg_get_wal_replay_pause_state()", String.class)));
			Api.Response sale = StoreRecords.sell(owner, customer, "CASH", StoreRecords.line(item, 2));
			assertThat(sale.status()).as("a sale while the standby is read-only: %s", sale).isEqualTo(201);
			assertThat(onPrimary("SELECT count(*) FROM sales_orders WHERE customer_id = " + customer, Long.class))
				.isOne();
			assertThat(report(REPORT).body()).as("the standby has not replayed the sale yet").doesNotContain(name);
			assertThat(report(REPORT + "&format=csv").body()).doesNotContain(name);
		}
		finally {
			onStandby("SELECT pg_wal_replay_resume()::text", String.class);
		}

		await("the replayed sale in the report").atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(report(REPORT).json().path("rows").valueStream()
					.filter(row -> row.path("name").asString().equals(name))
					.map(row -> row.path("total").asString())).containsExactly("6.00"));
		assertThat(report(REPORT + "&format=csv").body()).contains(name).contains("6.00");
		String reporting = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'backroom-reports'";
		assertThat(onStandby(reporting, Long.class)).as("report connections on the standby").isPositive();
		assertThat(onPrimary(reporting, Long.class)).as("report connections on the primary").isZero();
	}

	@Test
	void writesGoToThePrimaryWhileReportsReadAHotStandbyThatRefusesThem() {
		JdbcClient reports = backroom.getBean(ReportsDatabase.class).jdbc();
		assertThat(reports.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).isTrue();
		assertThat(backroom.getBean(JdbcClient.class).sql("SELECT pg_is_in_recovery()").query(Boolean.class).single())
			.isFalse();
		assertThatThrownBy(() -> reports.sql("UPDATE customers SET notes = 'written' WHERE is_system").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("read-only");

		String name = StoreRecords.uniqueName("Written on the primary");
		long id = StoreRecords.customer(owner, name).path("id").asLong();
		await("the new customer on the standby").atMost(Duration.ofSeconds(20))
			.until(() -> onStandby("SELECT count(*) FROM customers WHERE id = " + id, Long.class) == 1);
	}

	@Test
	void whileTheStandbyIsDownAReportIsA503AndTheStoreSellsOn() throws Exception {
		long customer = StoreRecords.customer(owner, StoreRecords.uniqueName("Outage buyer")).path("id").asLong();
		long item = StoreRecords.item(owner, StoreRecords.uniqueName("Outage item"), "2.00").path("id").asLong();
		EmbeddedServer server = standby.server();
		ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
		await("the standby down").atMost(Duration.ofSeconds(10)).until(() -> !server.running());
		try {
			// Each waits out the replica pool's connection timeout (3 s); ?format=csv takes the same path as Accept.
			for (Api.Response answer : List.of(owner.get(REPORT), owner.get(REPORT, "Accept", "text/csv"))) {
				assertRefusedForTheReplica(answer);
			}
			// Straight after the refused reports: nothing else took the replica's absence for the database's.
			assertThat(StoreRecords.sell(owner, customer, "CASH", StoreRecords.line(item, 1)).status()).isEqualTo(201);
			Api.Response page = owner.get("/reports", "Accept", "text/html");
			assertThat(page.status()).as("the reports page").isEqualTo(503);
			assertThat(page.body()).contains("Reports unavailable").doesNotContain("cannot reach its database");
			assertThat(owner.get("/actuator/health").body()).as("an instance whose replica is away stays in service")
				.contains("\"UP\"");
		}
		finally {
			server.startPostmaster(30_000);
		}
		standby.awaitStreaming();
		await("reports back").atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(report(REPORT).body()).contains("Outage buyer"));
	}

	private static void assertRefusedForTheReplica(Api.Response answer) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(503);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.problemType()).isEqualTo("database-unavailable");
		assertThat(answer.json().path("detail").asString()).contains("replica");
		assertThat(answer.header("Retry-After")).isEqualTo("5");
	}

	private Api.Response report(String path) {
		Api.Response answer = owner.get(path);
		assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
		return answer;
	}

	private <T> T onStandby(String query, Class<T> type) throws Exception {
		return StreamingStandby.sql(standby.server(), query, type);
	}

	private <T> T onPrimary(String query, Class<T> type) throws Exception {
		return StreamingStandby.sql(primary, query, type);
	}

}
