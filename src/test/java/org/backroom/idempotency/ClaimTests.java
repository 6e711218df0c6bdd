package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming a key waits a short while for another request with the same key, and only that wait: the rest of the
 * request (a sale waiting for a customer another till has locked) waits as long as it would have without a key.
 */
@BackroomTest
class ClaimTests extends ApiTest {

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theTransactionKeepsItsLockTimeoutAfterClaimingAKey() {
		String after = transaction.execute(status -> {
			jdbc.sql("SELECT set_config('lock_timeout', '7s', true)").query(String.class).single();
			assertThat(keys.claim(1, UUID.randomUUID().toString(), new byte[32], Duration.ofMillis(250))).isEmpty();
			return jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single();
		});
		assertThat(after).isEqualTo("7s");
	}

	@Test
	void aKeyUsedBeforeIsFoundAndTheLockTimeoutStillPutBack() {
		String key = UUID.randomUUID().toString();
		transaction.executeWithoutResult(status -> keys.claim(1, key, new byte[32], Duration.ofMillis(250)));
		String after = transaction.execute(status -> {
			assertThat(keys.claim(1, key, new byte[32], Duration.ofMillis(250))).isPresent();
			return jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single();
		});
		assertThat(after).isEqualTo("0");
	}

	@Test
	void aSaleWithAKeyWaitsForACustomerAnotherTillHoldsLongerThanARetryWaitsForItsKey() throws Exception {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Busy")).path("id").asLong();
		long item = StoreRecords.item(api, StoreRecords.uniqueName("Tea"), "2.00").path("id").asLong();
		var held = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		CompletableFuture<Void> otherTill = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT id FROM customers WHERE id = ? FOR UPDATE").param(customer).query(Long.class).single();
			held.countDown();
			awaitQuietly(release);
		}));
		assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Api.Response> sale = CompletableFuture.supplyAsync(() -> api.post("/api/sales-orders",
				Map.of("customerId", customer, "payment", "CASH", "lines", List.of(StoreRecords.line(item, 1))),
				"Idempotency-Key", UUID.randomUUID().toString()));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE '%FROM customers WHERE id = % FOR SHARE%'""")
			.query(Long.class).single() > 0);
		// The time is what is tested: held past the key's wait (2 s), a sale whose claim left its short lock timeout
		// in place would be refused.
		Thread.sleep(2_500);
		release.countDown();
		otherTill.get(20, TimeUnit.SECONDS);
		Api.Response answer = sale.get(20, TimeUnit.SECONDS);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
