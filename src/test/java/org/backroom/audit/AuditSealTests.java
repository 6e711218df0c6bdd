package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries are written unchained in their own transaction and sealed into the chain after they commit, in the order
 * they committed; verify says how many wait, and so does the chain lag on {@code /actuator/prometheus}.
 */
@BackroomTest
class AuditSealTests extends ApiTest {

	@Autowired
	private AuditTrail trail;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void theSealerChainsACommittedEntryWithinMomentsWithoutBeingAsked() {
		long customer = new AuditClient(api).customer(Map.of("name", AuditClient.unique("Sealed"))).path("id").asLong();
		long entry = new AuditClient(api).history("customers", customer).get(0).path("id").asLong();

		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT chain_seq FROM audit_log WHERE id = ?").param(entry).query(Long.class)
				.optional().isPresent());
		JsonNode verdict = api.get("/api/audit/verify").json();
		assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
	}

	@Test
	void anEntryThatCommitsLaterIsChainedLaterWhateverItsId() throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch mayCommit = new CountDownLatch(1);
		String slow = "test.slow-" + System.nanoTime();
		String fast = "test.fast-" + System.nanoTime();
		CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> {
				trail.record(slow, null, null, null, null);
				written.countDown();
				await(mayCommit);
			}));
		await(written);
		new TransactionTemplate(transactions).executeWithoutResult(status -> trail.record(fast, null, null, null, null));
		trail.sealNow();
		mayCommit.countDown();
		slowTransaction.get(30, TimeUnit.SECONDS);
		trail.sealNow();

		long slowId = idOf(slow);
		long fastId = idOf(fast);
		assertThat(slowId).isLessThan(fastId);
		assertThat(seqOf(slow)).isGreaterThan(seqOf(fast));
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void verifyCountsWhatIsNotSealedYetAndWhenTheOldestWasWritten() throws Exception {
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// The sealer's claim, held by the test: every round skips, as it would while another instance seals.
		CompletableFuture<Void> sealer = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> {
				jdbc.sql("SELECT pg_advisory_xact_lock(?)::text").param(0x42525345414C4552L).query(String.class).single();
				claimed.countDown();
				await(release);
			}));
		try {
			await(claimed);
			new TransactionTemplate(transactions)
				.executeWithoutResult(status -> trail.record("test.waiting", null, null, null, null));

			JsonNode verdict = api.get("/api/audit/verify").json();
			assertThat(verdict.path("unsealed").asLong()).as(verdict.toString()).isPositive();
			assertThat(verdict.path("oldestUnsealedAt").asString()).as(verdict.toString()).isNotBlank();
			assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
		}
		finally {
			release.countDown();
			sealer.get(30, TimeUnit.SECONDS);
		}
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/audit/verify").json().path("unsealed").asLong() == 0);
	}

	@Test
	void recordAllWritesEveryEntryInOneStatementInTheOrderGiven() {
		String action = "test.bulk-" + System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(status -> trail.recordAll(List.of(
				new AuditTrail.Entry(action, "test-record", 1L, "dormant", Map.of("status", Map.of("from", "ACTIVE"))),
				new AuditTrail.Entry(action, "test-record", 2L, "dormant", null),
				new AuditTrail.Entry(action, "test-record", 3L, null, Map.of()))));
		trail.sealNow();

		List<JsonNode> entries = new AuditClient(api).all("/api/audit?action=" + action);
		assertThat(entries).extracting(entry -> entry.path("recordId").asLong()).containsExactly(3L, 2L, 1L);
		assertThat(entries.get(2).path("changes").path("status").path("from").asString()).isEqualTo("ACTIVE");
		assertThat(entries.get(1).path("changes").isMissingNode() || entries.get(1).path("changes").isNull()).isTrue();
		assertThat(entries.get(2).path("reason").asString()).isEqualTo("dormant");
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

	@Test
	void theChainLagIsOnThePrometheusPage() {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get("/actuator/prometheus").body()).contains("backroom_audit_unsealed_entries")
			.contains("backroom_audit_unsealed_oldest_seconds"));
	}

	private long idOf(String action) {
		return jdbc.sql("SELECT id FROM audit_log WHERE action = ?").param(action).query(Long.class).single();
	}

	private long seqOf(String action) {
		return jdbc.sql("SELECT chain_seq FROM audit_log WHERE action = ?").param(action).query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
