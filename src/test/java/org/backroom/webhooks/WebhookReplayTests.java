package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, point 7: "replay since" sends a range again with the same event ids, each record's in their order; and it
 * is audited.
 */
class WebhookReplayTests extends WebhookTest {

	@Test
	void replayingFromASequenceOrATimeSendsARecordsEventsAgainInTheirOrder() {
		long hook = register("/replay", Map.of("eventTypes", List.of("CustomerDeactivated", "CustomerReactivated")));
		long id = customer(api, uniqueName("Replay Hook")).path("id").asLong();
		Instant before = Instant.now().minusMillis(1);
		for (String verb : List.of("deactivate", "reactivate", "deactivate", "reactivate")) {
			transition(api, "/api/customers/" + id, verb, "Replay me");
		}
		List<String> first = await().atMost(PATIENCE).until(() -> eventIds(id), got -> got.size() == 4);
		long fromSequence = deliveries(hook).stream().mapToLong(d -> d.path("sequence").asLong()).min().orElseThrow();

		var bySequence = api.post("/api/webhooks/" + hook + "/replay", Map.of("fromSequence", fromSequence));

		assertThat(bySequence.status()).as(bySequence.toString()).isEqualTo(202);
		assertThat(bySequence.json().path("queued").asInt()).isEqualTo(4);
		List<String> twice = await().atMost(PATIENCE).until(() -> eventIds(id), got -> got.size() == 8);
		assertThat(twice.subList(4, 8)).isEqualTo(first);

		var byTime = api.post("/api/webhooks/" + hook + "/replay", Map.of("since", before.toString()));

		assertThat(byTime.status()).as(byTime.toString()).isEqualTo(202);
		assertThat(byTime.json().path("queued").asInt()).isEqualTo(4);
		assertThat(byTime.json().path("fromSequence").asLong()).isLessThanOrEqualTo(fromSequence);
		List<String> thrice = await().atMost(PATIENCE).until(() -> eventIds(id), got -> got.size() == 12);
		assertThat(thrice.subList(8, 12)).isEqualTo(first);
		assertThat(deliveries(hook)).extracting(d -> d.path("cause").asString()).containsOnly("event", "replay");
		JsonNode audited = api.get("/api/audit?action=webhook.replay&recordKind=webhook&recordId=" + hook).json();
		assertThat(audited.path("items").size()).isEqualTo(2);
	}

	@Test
	void aReplayNamesWhereItStartsByTimeOrBySequenceNotBothNorNeitherAndFromTomorrowSendsNothing() {
		long hook = register("/refused", Map.of());

		var neither = api.post("/api/webhooks/" + hook + "/replay", Map.of());
		var both = api.post("/api/webhooks/" + hook + "/replay", Map.of("since", Instant.now().toString(),
				"fromSequence", 1));
		var nowhere = api.post("/api/webhooks/999999/replay", Map.of("fromSequence", 1));
		var tomorrow = api.post("/api/webhooks/" + hook + "/replay",
				Map.of("since", Instant.now().plus(Duration.ofDays(1)).toString()));

		assertThat(neither.status()).isEqualTo(422);
		assertThat(neither.problemType()).isEqualTo("validation");
		assertThat(both.status()).isEqualTo(422);
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(tomorrow.status()).as(tomorrow.toString()).isEqualTo(202);
		assertThat(tomorrow.json().path("queued").asInt()).isZero();
		assertThat(deliveries(hook)).allMatch(d -> d.path("cause").asString().equals("event"));
	}

	/** The event ids the receiver was sent for a customer, in the order they came. */
	private List<String> eventIds(long customer) {
		return receiver.about("/replay", customer).stream().map(Receiver.Request::eventId).toList();
	}

}
