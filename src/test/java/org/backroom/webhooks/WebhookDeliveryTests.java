package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Issue 13, point 7: deliveries to a real receiver that fails, hangs past the timeout and recovers. They are
 * signed, retried with growing gaps, in order per record, given up after the retry window, and sent again on
 * request. The backoff is shortened so that the retries of a day happen in seconds.
 */
class WebhookDeliveryTests extends WebhookTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aDeliveryIsSignedWithTheEndpointsSecretAndNamesItsEvent() {
		String secret = "a-secret-the-owner-chose";
		register("/signed", Map.of("secret", secret));
		long id = customer(api, uniqueName("Signed Hook")).path("id").asLong();

		transition(api, "/api/customers/" + id, "deactivate", "Closed");

		Receiver.Request got = await().atMost(PATIENCE).until(() -> typed(receiver.about("/signed", id),
				"CustomerDeactivated"), list -> !list.isEmpty()).get(0);
		String[] parts = got.signature().split(",");
		String t = parts[0].substring("t=".length());
		assertThat(parts[1]).isEqualTo("v1=" + hmac(secret, t + "." + got.body()));
		assertThat(Long.parseLong(t)).isCloseTo(Instant.now().getEpochSecond(), within(60L));
		assertThat(got.eventId()).isEqualTo(got.event().path("eventId").asString());
		assertThat(got.eventType()).isEqualTo("CustomerDeactivated");
		assertThat(got.event().path("reason").asString()).isEqualTo("Closed");
	}

	@Test
	void aFailingEndpointIsRetriedWithGrowingGapsUntilItRecovers() {
		AtomicInteger calls = new AtomicInteger();
		long hook = register("/flaky", Map.of("eventTypes", List.of("CustomerDeactivated")));
		long id = customer(api, uniqueName("Flaky Hook")).path("id").asLong();
		receiver.answer(event -> event.path("id").asLong() == id && calls.incrementAndGet() <= 3
				? Receiver.Answer.FAIL : Receiver.Answer.OK);

		transition(api, "/api/customers/" + id, "deactivate", "Retry me");

		List<Receiver.Request> got = await().atMost(PATIENCE).until(() -> receiver.about("/flaky", id),
				list -> list.stream().anyMatch(request -> request.answer() == Receiver.Answer.OK));
		assertThat(got).extracting(Receiver.Request::answer).containsExactly(Receiver.Answer.FAIL,
				Receiver.Answer.FAIL, Receiver.Answer.FAIL, Receiver.Answer.OK);
		assertThat(got).extracting(Receiver.Request::eventId).containsOnly(got.get(0).eventId());
		long first = gap(got, 1);
		long second = gap(got, 2);
		long third = gap(got, 3);
		assertThat(first).as("the first wait, about the 300 ms base").isGreaterThanOrEqualTo(200);
		assertThat(second).as("each wait longer than the one before").isGreaterThan(first);
		assertThat(third).isGreaterThan(second);
		JsonNode delivery = deliveries(hook).get(0);
		assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
		assertThat(delivery.path("responseCode").asInt()).isEqualTo(200);
	}

	@Test
	void anEndpointThatHangsPastTheTimeoutIsRetriedAndTheLogSaysItTimedOut() {
		Map<Long, Boolean> recovered = new ConcurrentHashMap<>();
		long hook = register("/slow", Map.of("eventTypes", List.of("CustomerDeactivated")));
		long id = customer(api, uniqueName("Slow Hook")).path("id").asLong();
		receiver.answer(event -> event.path("id").asLong() == id && !recovered.containsKey(id) ? Receiver.Answer.HANG
				: Receiver.Answer.OK);

		transition(api, "/api/customers/" + id, "deactivate", "Take your time");

		JsonNode retrying = await().atMost(PATIENCE).until(() -> deliveries(hook).stream().findFirst(),
				delivery -> delivery.filter(d -> d.hasNonNull("error")).isPresent()).orElseThrow();
		assertThat(retrying.path("error").asString()).contains("No answer within 1000 ms");
		assertThat(retrying.path("responseCode").isNull()).isTrue();
		assertThat(retrying.path("status").asString()).isEqualTo("PENDING");
		recovered.put(id, true);
		JsonNode delivered = await().atMost(PATIENCE).until(() -> deliveries(hook).stream().findFirst().orElseThrow(),
				delivery -> delivery.path("status").asString().equals("DELIVERED"));
		List<Receiver.Request> got = receiver.about("/slow", id);
		assertThat(got.get(0).answer()).isEqualTo(Receiver.Answer.HANG);
		assertThat(got.get(got.size() - 1).answer()).isEqualTo(Receiver.Answer.OK);
		assertThat(delivered.path("attempts").asInt()).isEqualTo(got.size());
		assertThat(delivered.path("responseCode").asInt()).isEqualTo(200);
	}

	/**
	 * A store with no endpoint: the fan-out keeps its place at the newest event without reading the feed, and an
	 * endpoint registered afterwards hears of what is made from then on, not of what came before it.
	 */
	@Test
	void withNoEndpointTheFanOutKeepsUpAndALaterEndpointHearsOnlyWhatComesAfterIt() {
		long id = customer(api, uniqueName("Unheard Hook")).path("id").asLong();
		transition(api, "/api/customers/" + id, "deactivate", "Nobody listens yet");
		long deactivated = await().atMost(PATIENCE).until(() -> jdbc.sql(
				"SELECT seq FROM events WHERE type = 'CustomerDeactivated' AND record_id = ? AND seq IS NOT NULL")
			.param(id).query(Long.class).optional().orElse(0L), seq -> seq > 0);
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT last_seq FROM webhook_fanout").query(Long.class).single(),
				place -> place >= deactivated);

		register("/later", Map.of("eventTypes", List.of("CustomerDeactivated", "CustomerReactivated")));
		transition(api, "/api/customers/" + id, "reactivate", "Someone listens now");

		await().atMost(PATIENCE).until(() -> receiver.about("/later", id), list -> !list.isEmpty());
		assertThat(receiver.about("/later", id)).extracting(Receiver.Request::eventType)
			.containsExactly("CustomerReactivated");
	}

	/**
	 * An endpoint registered while the store goes on hears of every event made from its registration on, even one
	 * made, sequenced and fanned out while the registration had not yet committed. The registration is held at its
	 * insert (the test holds the endpoints table in SHARE mode, which no request takes) while a customer is
	 * deactivated; the fan-out meanwhile either passed that event to no one, or waited.
	 */
	@Test
	void anEventMadeWhileAnEndpointIsBeingRegisteredIsHeardIfItCameAfterTheRegistration() throws Exception {
		long id = customer(api, uniqueName("Racing Hook")).path("id").asLong();
		List<String> heard = List.of("CustomerDeactivated", "CustomerReactivated");
		TransactionStatus hold = transactions.getTransaction(TransactionDefinition.withDefaults());
		CompletableFuture<Long> registering;
		try {
			jdbc.sql("LOCK TABLE webhook_endpoints IN SHARE MODE").update();
			registering = CompletableFuture.supplyAsync(() -> register("/racing", Map.of("eventTypes", heard)));
			await().atMost(PATIENCE).until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_locks
					WHERE locktype = 'relation' AND relation = 'webhook_endpoints'::regclass AND NOT granted""")
				.query(Long.class).single(), waiting -> waiting > 0);
			transition(api, "/api/customers/" + id, "deactivate", "While a hook is being registered");
			long deactivated = await().atMost(PATIENCE).until(() -> jdbc.sql(
					"SELECT seq FROM events WHERE type = 'CustomerDeactivated' AND record_id = ? AND seq IS NOT NULL")
				.param(id).query(Long.class).optional().orElse(0L), seq -> seq > 0);
			// The event's fate is decided once the fan-out has moved past it or is kept out of the feed for now.
			// (Awaitility polls on a thread of its own, outside this transaction, so the probe locks nothing here.)
			await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT last_seq FROM webhook_fanout FOR UPDATE SKIP LOCKED")
				.query(Long.class).optional().map(place -> place >= deactivated).orElse(true));
		}
		finally {
			transactions.commit(hold);
		}
		long hook = registering.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		transition(api, "/api/customers/" + id, "reactivate", "After the hook was registered");
		await().atMost(PATIENCE).until(() -> typed(receiver.about("/racing", id), "CustomerReactivated"),
				list -> !list.isEmpty());

		List<String> madeSinceRegistered = jdbc.sql("""
				SELECT e.type FROM events e, webhook_endpoints w
				WHERE w.id = ? AND e.record_id = ? AND e.record_kind = 'customer' AND e.at >= w.created_at
				  AND e.type = ANY(?)
				ORDER BY e.seq""").params(hook, id, heard.toArray(String[]::new)).query(String.class).list();
		assertThat(receiver.about("/racing", id)).extracting(Receiver.Request::eventType)
			.containsExactlyElementsOf(madeSinceRegistered);
	}

	@Test
	void aRecordsLaterEventWaitsForItsEarlierOneWhileOtherRecordsGoOn() {
		register("/ordered", Map.of("eventTypes", List.of("CustomerDeactivated", "CustomerReactivated")));
		long held = customer(api, uniqueName("Held Hook")).path("id").asLong();
		long other = customer(api, uniqueName("Other Hook")).path("id").asLong();
		AtomicInteger failures = new AtomicInteger();
		receiver.answer(event -> event.path("id").asLong() == held && failures.incrementAndGet() <= 3
				? Receiver.Answer.FAIL : Receiver.Answer.OK);

		transition(api, "/api/customers/" + held, "deactivate", "First");
		transition(api, "/api/customers/" + held, "reactivate", "Second");
		transition(api, "/api/customers/" + other, "deactivate", "Meanwhile");

		await().atMost(PATIENCE).until(() -> typed(receiver.about("/ordered", held), "CustomerReactivated"),
				list -> !list.isEmpty());
		List<Receiver.Request> heldEvents = receiver.about("/ordered", held);
		assertThat(heldEvents).extracting(request -> request.eventType() + " " + request.answer())
			.containsExactly("CustomerDeactivated FAIL", "CustomerDeactivated FAIL", "CustomerDeactivated FAIL",
					"CustomerDeactivated OK", "CustomerReactivated OK");
		Receiver.Request otherDelivered = receiver.about("/ordered", other).get(0);
		assertThat(otherDelivered.receivedNanos()).as("the other record did not wait for the failing one")
			.isLessThan(heldEvents.get(3).receivedNanos());
	}

	@Test
	void afterTheRetryWindowADeliveryFailsTheRecordsNextEventMovesOnAndRedeliverSendsItAgain() {
		long hook = register("/down", Map.of("eventTypes", List.of("CustomerDeactivated", "CustomerReactivated")));
		long id = customer(api, uniqueName("Down Hook")).path("id").asLong();
		Map<Long, Boolean> up = new ConcurrentHashMap<>();
		receiver.answer(event -> up.containsKey(event.path("id").asLong()) ? Receiver.Answer.OK : Receiver.Answer.FAIL);

		transition(api, "/api/customers/" + id, "deactivate", "Nobody listens");
		transition(api, "/api/customers/" + id, "reactivate", "Still nobody");

		List<JsonNode> log = await().atMost(PATIENCE).until(() -> deliveries(hook),
				all -> all.size() == 2 && all.stream().allMatch(d -> d.path("status").asString().equals("FAILED")));
		JsonNode deactivated = log.get(1);
		JsonNode reactivated = log.get(0);
		assertThat(deactivated.path("eventType").asString()).isEqualTo("CustomerDeactivated");
		assertThat(deactivated.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(deactivated.path("responseCode").asInt()).isEqualTo(500);
		List<Receiver.Request> got = receiver.about("/down", id);
		assertThat(typed(got, "CustomerReactivated").get(0).receivedNanos())
			.as("the later event was held back until the earlier one failed for good")
			.isGreaterThan(typed(got, "CustomerDeactivated").get(deactivated.path("attempts").asInt() - 1).receivedNanos());
		assertThat(reactivated.path("eventType").asString()).isEqualTo("CustomerReactivated");

		up.put(id, true);
		var again = api.post("/api/webhooks/" + hook + "/deliveries/" + deactivated.path("id").asLong() + "/redeliver", null);

		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		assertThat(again.json().path("cause").asString()).isEqualTo("redeliver");
		long redelivery = again.json().path("id").asLong();
		await().atMost(PATIENCE).until(() -> deliveries(hook).stream().findFirst().orElseThrow(),
				d -> d.path("id").asLong() == redelivery && d.path("status").asString().equals("DELIVERED"));
		Receiver.Request last = receiver.about("/down", id).get(receiver.about("/down", id).size() - 1);
		assertThat(last.answer()).isEqualTo(Receiver.Answer.OK);
		assertThat(last.eventId()).isEqualTo(String.valueOf(deactivated.path("eventId").asLong()));
	}

	/** The milliseconds between the n-th request and the one before it. */
	private static long gap(List<Receiver.Request> requests, int n) {
		return (requests.get(n).receivedNanos() - requests.get(n - 1).receivedNanos()) / 1_000_000;
	}

}
