package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A client that sends a change again with the same Idempotency-Key gets the first answer, and nothing happens twice. */
@BackroomTest
class IdempotencyKeyTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRetriedSaleGetsTheFirstAnswerAndSellsOnce() {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Retrying")).path("id").asLong();
		long item = StoreRecords.item(api, "Jam", "3.10").path("id").asLong();
		Map<String, Object> sale = Map.of("customerId", customer, "payment", "CASH", "lines",
				List.of(StoreRecords.line(item, 2)));
		String key = UUID.randomUUID().toString();
		long audited = auditEntries();

		Api.Response first = api.post("/api/sales-orders", sale, "Idempotency-Key", key);
		Api.Response again = api.post("/api/sales-orders", sale, "Idempotency-Key", key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(StoreRecords.ordersOf(api, customer)).hasSize(1);
		assertThat(auditEntries()).isEqualTo(audited + 1);
	}

	@Test
	void aReplayedCreationKeepsItsEtag() {
		Map<String, String> customer = Map.of("name", StoreRecords.uniqueName("Etag"));
		String key = UUID.randomUUID().toString();
		Api.Response first = api.post("/api/customers", customer, "Idempotency-Key", key);
		Api.Response again = api.post("/api/customers", customer, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("ETag")).isNotNull().isEqualTo(first.header("ETag"));
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(StoreRecords.customerIds(api, customer.get("name").substring(5), "all")).hasSize(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Reused")).path("id").asLong();
		String key = UUID.randomUUID().toString();
		assertThat(api.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("moved"),
				"Idempotency-Key", key).status()).isEqualTo(200);
		StoreRecords.transition(api, "/api/customers/" + customer, "reactivate", "back");

		Api.Response reused = api.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("other"),
				"Idempotency-Key", key);
		Api.Response otherPath = api.post("/api/customers/" + customer + "/reactivate", StoreRecords.because("moved"),
				"Idempotency-Key", key);

		assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
		assertThat(reused.problemType()).isEqualTo("idempotency-key-reused");
		assertThat(otherPath.status()).isEqualTo(422);
		assertThat(StoreRecords.read(api, "/api/customers/" + customer).path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void keysBelongToTheirUser() {
		Api cashier = staffWithRole("Cashier");
		String key = UUID.randomUUID().toString();
		String name = StoreRecords.uniqueName("Shared key");
		assertThat(api.post("/api/customers", Map.of("name", name), "Idempotency-Key", key).status()).isEqualTo(201);
		assertThat(cashier.post("/api/customers", Map.of("name", name + " too"), "Idempotency-Key", key).status())
			.isEqualTo(201);
	}

	@Test
	void aRefusedRequestIsNotKeptSoItsRetryRunsAgain() {
		long customer = StoreRecords.creditCustomer(api, StoreRecords.uniqueName("Tight"), "5.00").path("id").asLong();
		long item = StoreRecords.item(api, "Wine", "9.00").path("id").asLong();
		Map<String, Object> sale = Map.of("customerId", customer, "payment", "CREDIT", "lines",
				List.of(StoreRecords.line(item, 1)));
		String key = UUID.randomUUID().toString();
		assertThat(api.post("/api/sales-orders", sale, "Idempotency-Key", key).status()).isEqualTo(409);
		api.put("/api/customers/" + customer, Map.of("name", "Tight", "creditAllowed", true, "creditLimit", "50.00"),
				"If-Match", "*");
		assertThat(api.post("/api/sales-orders", sale, "Idempotency-Key", key).status()).isEqualTo(201);
	}

	@Test
	void aMalformedKeyIsABadRequest() {
		for (String key : List.of("", "x".repeat(256), "tab\tinside")) {
			Api.Response answer = api.post("/api/customers", Map.of("name", StoreRecords.uniqueName("Bad key")),
					"Idempotency-Key", key);
			assertThat(answer.status()).as("key [%s]: %s", key, answer).isEqualTo(400);
			assertThat(answer.problemType()).isEqualTo("malformed-request");
		}
		assertThat(api.post("/api/customers", Map.of("name", StoreRecords.uniqueName("Long key")), "Idempotency-Key",
				"k".repeat(255)).status()).isEqualTo(201);
	}

	@Test
	void aRetryWhileTheFirstIsStillRunningIsToldSo() throws Exception {
		long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Slow")).path("id").asLong();
		String key = UUID.randomUUID().toString();
		var held = new java.util.concurrent.CountDownLatch(1);
		var release = new java.util.concurrent.CountDownLatch(1);
		// Holds the customer's row, so that the first deactivation waits for it while holding its key.
		CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> {
				jdbc.sql("SELECT id FROM customers WHERE id = ? FOR UPDATE").param(customer).query(Long.class).single();
				held.countDown();
				await(release);
			}));
		await(held);
		CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> api
			.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("slow"), "Idempotency-Key", key));
		org.awaitility.Awaitility.await().until(() -> waitingForLock("customers"));

		Api.Response retry = api.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("slow"),
				"Idempotency-Key", key);
		release.countDown();
		blocker.get(10, TimeUnit.SECONDS);
		Api.Response answered = first.get(10, TimeUnit.SECONDS);

		assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
		assertThat(retry.problemType()).isEqualTo("request-in-progress");
		assertThat(retry.header("Retry-After")).isEqualTo("1");
		assertThat(answered.status()).isEqualTo(200);
		Api.Response later = api.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("slow"),
				"Idempotency-Key", key);
		assertThat(later.status()).isEqualTo(200);
		assertThat(later.body()).isEqualTo(answered.body());
	}

	@Test
	void theApiDescriptionOffersTheKeyOnEveryChange() {
		var docs = StoreRecords.read(api, "/v3/api-docs").path("paths");
		for (String path : List.of("/api/sales-orders", "/api/customers", "/api/approvals/{id}/approve")) {
			var post = docs.path(path).path("post");
			assertThat(post.path("parameters").toString()).as(path).contains("Idempotency-Key");
			assertThat(post.path("responses").has("503")).as(path).isTrue();
			assertThat(post.path("responses").has("409")).as(path).isTrue();
		}
	}

	private boolean waitingForLock(String table) {
		return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?")
			.param("%" + table + "%")
			.query(Long.class)
			.single() > 0;
	}

	private long auditEntries() {
		return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
