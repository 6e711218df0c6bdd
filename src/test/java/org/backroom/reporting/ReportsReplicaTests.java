package org.backroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.backroom.BackroomApplication;
import org.backroom.platform.ReportsDatabase;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An instance started with {@code BACKROOM_DB_REPLICA_URL} reads its reports through a pool of its own that cannot
 * write, and writes everything else to the primary. The "replica" here is the test's database itself, reached
 * through that read-only pool: what is proven is the routing and that the pool refuses writes even on a server
 * that would take them (a replica URL pointed at a primary by mistake). A real streaming standby, and a replica
 * that goes down, are {@code org.backroom.platform.StreamingReplicaTests}.
 */
@BackroomTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsReplicaTests extends ApiTest {

	@Autowired
	HikariDataSource database;

	@Autowired
	JdbcClient jdbc;

	private ConfigurableApplicationContext withReplica;

	private Api onIt;

	@BeforeAll
	void startAnInstanceWithAReplica() {
		// Arguments, not default properties, which application.properties would override: without an empty data
		// directory this instance would keep its audit key in ./data, a developer's own store.
		withReplica = new SpringApplicationBuilder(BackroomApplication.class).run(
				"--backroom.db.url=" + database.getJdbcUrl(), "--backroom.db.replica-url=" + database.getJdbcUrl(),
				"--backroom.data.dir=", "--server.port=0", "--backroom.demo=false", "--backroom.trash.purge-cron=-",
				"--backroom.audit.checkpoint-cron=-", "--spring.jmx.enabled=false");
		int port = ((WebServerApplicationContext) withReplica).getWebServer().getPort();
		onIt = new Api(port).as("admin", ADMIN_PASSWORD);
	}

	@AfterAll
	void stopIt() {
		if (withReplica != null) {
			withReplica.close();
		}
	}

	@Test
	void reportsAndTheirExportsReadTheReplicaPool() throws Exception {
		long customer = onIt.post("/api/customers", Map.of("name", "Replica Reader")).json().path("id").asLong();
		long item = onIt.post("/api/items", Map.of("sku", "RPL-" + System.nanoTime(), "name", "Replica item", "price",
				"3.00")).json().path("id").asLong();
		var sale = onIt.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", 2))));
		assertThat(sale.status()).as("a write on the instance with a replica goes to the primary: %s", sale)
			.isEqualTo(201);

		assertThat(connectionThatRuns("/api/reports/sales-by-customer", "Replica Reader")).isEqualTo("backroom-reports");
		assertThat(connectionThatRuns("/api/reports/sales-by-item?format=csv", "Replica item"))
			.isEqualTo("backroom-reports");
	}

	/**
	 * The application name of the connection that runs the report: the orders are locked, so the report's query
	 * waits where the server shows it, and answers (with the text expected) once they are free again.
	 */
	private String connectionThatRuns(String path, String expected) throws Exception {
		String runBy;
		CompletableFuture<Api.Response> answer;
		try (Connection lock = database.getConnection()) {
			lock.setAutoCommit(false);
			try (var statement = lock.createStatement()) {
				statement.execute("LOCK TABLE sales_orders IN ACCESS EXCLUSIVE MODE");
			}
			answer = CompletableFuture.supplyAsync(() -> onIt.get(path));
			runBy = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
					SELECT application_name FROM pg_stat_activity
					WHERE wait_event_type = 'Lock' AND query LIKE '%sales_orders%' AND query NOT LIKE '%pg_stat_activity%'""")
				.query(String.class).optional(), Optional::isPresent).orElseThrow();
			lock.rollback();
		}
		Api.Response report = answer.get(30, TimeUnit.SECONDS);
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.body()).contains(expected);
		return runBy;
	}

	@Test
	void theReplicaPoolRefusesEveryWrite() {
		ReportsDatabase reports = withReplica.getBean(ReportsDatabase.class);
		assertThat(reports.onReplica()).isTrue();
		assertThat(reports.jdbc().sql("SELECT current_setting('default_transaction_read_only')").query(String.class)
			.single()).isEqualTo("on");
		assertThat(reports.jdbc().sql("SELECT current_setting('application_name')").query(String.class).single())
			.isEqualTo("backroom-reports");
		assertThatThrownBy(() -> reports.jdbc().sql("UPDATE customers SET notes = 'written' WHERE is_system")
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("read-only");
		assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE notes = 'written'").query(Long.class).single())
			.isZero();
	}

}
