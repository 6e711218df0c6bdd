package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.backroom.support.Api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real deadlock between a request and a transaction of the test, the two locks taken in opposite orders: the test
 * holds the audit table in SHARE mode (which no request ever takes, but which blocks the request's audit insert), the
 * request locks its customer and then waits to write its audit entry; the test then asks for the customer. PostgreSQL finds the cycle at the request's side (it waited first) and rolls the request back.
 */
final class ForcedDeadlock {

	private ForcedDeadlock() {
	}

	static Api.Response during(JdbcClient jdbc, PlatformTransactionManager transactions, long customerId,
			Supplier<Api.Response> request) throws Exception {
		var chainHeld = new java.util.concurrent.CountDownLatch(1);
		var requestWaits = new java.util.concurrent.CountDownLatch(1);
		CompletableFuture<Void> test = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> {
				jdbc.sql("LOCK TABLE audit_log IN SHARE MODE").update();
				chainHeld.countDown();
				awaitLatch(requestWaits);
				jdbc.sql("SELECT id FROM customers WHERE id = ? FOR UPDATE").param(customerId).query(Long.class)
					.single();
				status.setRollbackOnly();
			}));
		awaitLatch(chainHeld);
		CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(request);
		Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'relation' AND l.relation = 'audit_log'::regclass AND NOT l.granted
				  AND a.query LIKE '%INSERT INTO audit_log%'""").query(Long.class)
			.single() > 0);
		requestWaits.countDown();
		test.get(30, TimeUnit.SECONDS);
		return answer.get(30, TimeUnit.SECONDS);
	}

	static Map<String, String> renamed(String name) {
		return Map.of("name", name);
	}

	private static void awaitLatch(java.util.concurrent.CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
