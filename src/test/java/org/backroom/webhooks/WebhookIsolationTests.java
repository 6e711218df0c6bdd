package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 7: a paused or removed endpoint gets nothing, and an endpoint that hangs does not slow a sale,
 * because nothing is delivered in the sale's thread or transaction.
 */
class WebhookIsolationTests extends WebhookTest {

	@Test
	void aPausedOrDeletedEndpointGetsNothing() {
		register("/control", Map.of("eventTypes", List.of("CustomerDeactivated")));
		long paused = register("/paused", Map.of("eventTypes", List.of("CustomerDeactivated")));
		long deleted = register("/deleted", Map.of());
		var pausing = api.patch("/api/webhooks/" + paused, Map.of("active", false));
		var deleting = api.delete("/api/webhooks/" + deleted);
		assertThat(pausing.status()).as(pausing.toString()).isEqualTo(200);
		assertThat(pausing.json().path("active").asBoolean()).isFalse();
		assertThat(deleting.status()).isEqualTo(204);
		long id = customer(api, uniqueName("Quiet Hook")).path("id").asLong();

		transition(api, "/api/customers/" + id, "deactivate", "Only the control hears");

		await().atMost(PATIENCE).until(() -> receiver.about("/control", id), got -> !got.isEmpty());
		assertThat(deliveries(paused)).isEmpty();
		assertThat(api.get("/api/webhooks/" + deleted + "/deliveries").status()).isEqualTo(404);
		assertThat(receiver.at("/paused")).isEmpty();
		assertThat(receiver.at("/deleted")).isEmpty();
		assertThat(api.get("/api/audit?action=webhook.pause&recordKind=webhook&recordId=" + paused).json()
			.path("items").size()).isEqualTo(1);
		assertThat(api.get("/api/audit?action=webhook.delete&recordKind=webhook&recordId=" + deleted).json()
			.path("items").size()).isEqualTo(1);
	}

	@Test
	void noSaleWaitsForAnEndpointThatHangs() {
		long itemId = item(api, uniqueName("Hook teapot"), "3.00").path("id").asLong();
		sold(api, null, "CASH", line(itemId, 1));
		List<Long> usualSales = sales(itemId, 8);
		long usual = median(usualSales);
		receiver.answer(event -> Receiver.Answer.HANG);
		register("/hanging", Map.of("eventTypes", List.of("SalesOrderCreated")));
		sold(api, null, "CASH", line(itemId, 1));
		await().atMost(PATIENCE).until(() -> receiver.at("/hanging"), got -> !got.isEmpty());

		List<Long> whileHanging = sales(itemId, 8);

		int hungDuring = receiver.at("/hanging").size();
		System.out.printf("sale latency: median %d ms usually %s; median %d ms while the endpoint hung %s"
				+ " (%d requests hung)%n", usual, usualSales, median(whileHanging), whileHanging, hungDuring);
		assertThat(hungDuring).as("the endpoint was hanging while the sales were made").isGreaterThanOrEqualTo(1);
		// No comparison of medians: on a busy machine they are noise. What must hold is that no sale waits for the
		// endpoint at all, and the endpoint's own timeout (1 s here) is what a sale waiting for it would take.
		assertThat(whileHanging).as("no sale waited for the endpoint's 1 s timeout").allMatch(ms -> ms < 1000);
	}

	private List<Long> sales(long itemId, int count) {
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long started = System.nanoTime();
			sold(api, null, "CASH", line(itemId, 1));
			millis.add((System.nanoTime() - started) / 1_000_000);
		}
		return millis;
	}

	private static long median(List<Long> millis) {
		return millis.stream().sorted().toList().get(millis.size() / 2);
	}

}
