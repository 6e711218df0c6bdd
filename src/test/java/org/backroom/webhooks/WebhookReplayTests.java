package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 13, point 7: "replay since" sends a range again, in order, with the same event ids; and it is audited. */
class WebhookReplayTests extends WebhookTest {

	@Test
	void replayingFromASequenceOrATimeSendsTheSameEventsAgainInOrder() {
		long hook = register("/replay", Map.of("eventTypes", List.of("CustomerDeactivated")));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(customer(api, uniqueName("Replay Hook")).path("id").asLong());
		}
		Instant before = Instant.now().minusMillis(1);
		ids.forEach(id -> transition(api, "/api/customers/" + id, "deactivate", "Replay me"));
		List<String> first = await().atMost(PATIENCE).until(() -> eventIds(ids), got -> got.size() == 3);
		long fromSequence = deliveries(hook).stream().mapToLong(d -> d.path("sequence").asLong()).min().orElseThrow();

		var bySequence = api.post("/api/webhooks/" + hook + "/replay", Map.of("fromSequence", fromSequence));

		assertThat(bySequence.status()).as(bySequence.toString()).isEqualTo(202);
		assertThat(bySequence.json().path("queued").asInt()).isEqualTo(3);
		List<String> twice = await().atMost(PATIENCE).until(() -> eventIds(ids), got -> got.size() == 6);
		assertThat(twice.subList(3, 6)).isEqualTo(first);

		var byTime = api.post("/api/webhooks/" + hook + "/replay", Map.of("since", before.toString()));

		assertThat(byTime.status()).as(byTime.toString()).isEqualTo(202);
		assertThat(byTime.json().path("queued").asInt()).isEqualTo(3);
		assertThat(byTime.json().path("fromSequence").asLong()).isLessThanOrEqualTo(fromSequence);
		List<String> thrice = await().atMost(PATIENCE).until(() -> eventIds(ids), got -> got.size() == 9);
		assertThat(thrice.subList(6, 9)).isEqualTo(first);
		assertThat(deliveries(hook)).extracting(d -> d.path("cause").asString()).containsOnly("event", "replay");
		JsonNode audited = api.get("/api/audit?action=webhook.replay&recordKind=webhook&recordId=" + hook).json();
		assertThat(audited.path("items").size()).isEqualTo(2);
	}

	@Test
	void aReplayNamesWhereItStartsByTimeOrBySequenceNotBothNorNeither() {
		long hook = register("/refused", Map.of());

		var neither = api.post("/api/webhooks/" + hook + "/replay", Map.of());
		var both = api.post("/api/webhooks/" + hook + "/replay", Map.of("since", Instant.now().toString(),
				"fromSequence", 1));
		var nowhere = api.post("/api/webhooks/999999/replay", Map.of("fromSequence", 1));

		assertThat(neither.status()).isEqualTo(422);
		assertThat(neither.problemType()).isEqualTo("validation");
		assertThat(both.status()).isEqualTo(422);
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(deliveries(hook)).allMatch(d -> d.path("cause").asString().equals("event"));
	}

	/** The event ids the receiver was sent for these customers, in the order they came. */
	private List<String> eventIds(List<Long> customers) {
		return receiver.at("/replay")
			.stream()
			.filter(request -> customers.contains(request.recordId()))
			.map(Receiver.Request::eventId)
			.toList();
	}

}
