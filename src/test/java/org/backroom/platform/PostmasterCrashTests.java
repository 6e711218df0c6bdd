package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.DurableBackroomTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jepsen's question for the embedded server: SIGKILL the real postmaster while cashiers sell, and every sale that was
 * answered {@code 201} must be there after PostgreSQL's crash recovery, with its audit entry, in an intact chain.
 */
@DurableBackroomTest
class PostmasterCrashTests extends ApiTest {

	private static final int CASHIERS = 4;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySaleAnsweredCreatedSurvivesAKilledPostmaster() throws InterruptedException {
		EmbeddedServer server = ((DatabaseConfiguration.EmbeddedPool) dataSource).server();
		long item = StoreRecords.item(api, StoreRecords.uniqueName("Crash"), "1.25").path("id").asLong();
		Map<String, Object> sale = Map.of("payment", "CASH", "lines", List.of(Map.of("itemId", item, "quantity", 1)));
		var acknowledged = new ConcurrentLinkedQueue<Long>();
		var otherAnswers = new ConcurrentLinkedQueue<String>();
		AtomicInteger unavailable = new AtomicInteger();
		long deadline = System.currentTimeMillis() + 45_000;
		AtomicInteger afterKill = new AtomicInteger(-1);
		ExecutorService cashiers = Executors.newFixedThreadPool(CASHIERS);
		for (int i = 0; i < CASHIERS; i++) {
			cashiers.submit(() -> sell(api, sale, acknowledged, unavailable, otherAnswers, afterKill, deadline));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 40);
		long killed = server.pid();
		afterKill.set(0);
		assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();

		await().atMost(Duration.ofSeconds(30)).until(() -> afterKill.get() >= 40);
		cashiers.shutdown();
		assertThat(cashiers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		assertThat(server.pid()).as("a new postmaster").isNotEqualTo(killed);
		assertThat(otherAnswers).as("only 201, or 503 while the server was down").isEmpty();
		List<Long> ids = List.copyOf(acknowledged);
		for (long id : ids) {
			assertThat(api.get("/api/sales-orders/" + id).status()).as("sale %d", id).isEqualTo(200);
		}
		assertThat(jdbc.sql("SELECT count(DISTINCT record_id) FROM audit_log WHERE action = 'sales-order.create' "
				+ "AND record_kind = 'sales-order' AND record_id IN (:ids)").param("ids", ids).query(Long.class).single())
			.isEqualTo(ids.size());
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	private static void sell(Api api, Map<String, Object> sale, ConcurrentLinkedQueue<Long> acknowledged,
			AtomicInteger unavailable, ConcurrentLinkedQueue<String> otherAnswers, AtomicInteger afterKill,
			long deadline) {
		while (System.currentTimeMillis() < deadline && afterKill.get() < 40) {
			Api.Response answer = api.post("/api/sales-orders", sale);
			if (answer.status() == 201) {
				acknowledged.add(answer.json().path("id").asLong());
				if (afterKill.get() >= 0) {
					afterKill.incrementAndGet();
				}
			}
			else if (answer.status() == 503 && "database-unavailable".equals(answer.problemType())) {
				unavailable.incrementAndGet();
			}
			else {
				otherAnswers.add(answer.toString());
			}
		}
	}

}
