package org.backroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 6: every lifecycle transition, erasure and sale becomes an event in the transaction that makes
 * it, nothing that rolls back does, events carry no personal data, and readers get them in commit order without
 * gaps.
 */
@BackroomTest
class EventLogTests extends ApiTest {

	@Autowired
	EventFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aDeactivationIsAnEventWithCodeReasonAndWhoButNoPersonalData() {
		String name = uniqueName("Imogen Event");
		JsonNode created = customer(api, Map.of("name", name, "email", "imogen@example.org", "phone", "+44 20 7946 0001"));
		long id = created.path("id").asLong();

		transition(api, "/api/customers/" + id, "deactivate", "Moved away");

		List<JsonNode> events = eventsOf("customer", id);
		assertThat(events).extracting(event -> event.path("type").asString())
			.containsExactly("CustomerCreated", "CustomerDeactivated");
		JsonNode deactivated = events.get(1);
		assertThat(deactivated.path("code").asString()).isEqualTo(created.path("code").asString());
		assertThat(deactivated.path("reason").asString()).isEqualTo("Moved away");
		assertThat(deactivated.path("by").asString()).isEqualTo("admin");
		assertThat(deactivated.path("version").asInt()).isEqualTo(1);
		assertThat(deactivated.path("changes").path("status").path("from").asString()).isEqualTo("ACTIVE");
		assertThat(deactivated.path("changes").path("status").path("to").asString()).isEqualTo("INACTIVE");
		assertThat(events.toString()).doesNotContain(name, "imogen@example.org", "7946");
	}

	@Test
	void aRefusedChangeIsNoEvent() {
		long id = customer(api, uniqueName("Refused Event")).path("id").asLong();
		transition(api, "/api/customers/" + id, "deactivate", "Closed the account");
		long before = count();

		var again = api.post("/api/customers/" + id + "/deactivate", Map.of("reason", "Once more"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(count()).isEqualTo(before);
		assertThat(eventsOf("customer", id)).hasSize(2);
	}

	@Test
	void aSaleIsAnEventWithItsNumberAndTotalButNotTheCustomersName() {
		String name = uniqueName("Sale Event");
		long customerId = customer(api, name).path("id").asLong();
		long itemId = item(api, "Event teapot", "12.50").path("id").asLong();

		JsonNode sale = sold(api, customerId, "CASH", line(itemId, 2));

		List<JsonNode> events = eventsOf("sales-order", sale.path("id").asLong());
		assertThat(events).hasSize(1);
		JsonNode event = events.get(0);
		assertThat(event.path("type").asString()).isEqualTo("SalesOrderCreated");
		assertThat(event.path("changes").path("number").asString()).isEqualTo(sale.path("number").asString());
		assertThat(event.path("changes").path("customerId").asLong()).isEqualTo(customerId);
		assertThat(event.path("changes").path("total").asString()).isEqualTo("25.00");
		assertThat(event.toString()).doesNotContain(name);
	}

	@Test
	void erasingAPersonBlanksTheReasonsOfTheirEvents() {
		String name = uniqueName("Erased Event");
		long id = customer(api, name).path("id").asLong();
		transition(api, "/api/customers/" + id, "deactivate", "Asked by " + name + " to close");

		var erased = api.post("/api/customers/" + id + "/erase", Map.of("reason", "Their request"));

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		List<JsonNode> events = eventsOf("customer", id);
		assertThat(events).extracting(event -> event.path("type").asString())
			.containsExactly("CustomerCreated", "CustomerDeactivated", "CustomerErased");
		assertThat(events.get(1).path("reason").isNull()).isTrue();
		assertThat(events.toString()).doesNotContain(name);
	}

	@Test
	void aBulkJobIsOneEventPerRecordItChanged() {
		List<Long> ids = jdbc.sql("INSERT INTO customers (name) SELECT 'Bulk event ' || g FROM generate_series(1, 30)"
				+ " AS g RETURNING id").query(Long.class).list();
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", ids,
				"reason", "Closing old accounts")).json().path("id").asLong();
		Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"));

		for (long id : ids) {
			List<JsonNode> events = eventsOf("customer", id);
			assertThat(events).extracting(event -> event.path("type").asString()).containsExactly("CustomerDeactivated");
			assertThat(events.get(0).path("reason").asString()).isEqualTo("Closing old accounts");
			assertThat(events.get(0).path("code").asString()).startsWith("C");
		}
	}

	@Test
	void concurrentChangesAreReadInCommitOrderWithoutGapsAndInOrderPerRecord() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(customer(api, uniqueName("Busy Event")).path("id").asLong());
		}
		long start = lastSequence();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (long id : ids) {
				runs.add(pool.submit(() -> {
					for (int round = 0; round < 5; round++) {
						transition(api, "/api/customers/" + id, "deactivate", "Round " + round);
						transition(api, "/api/customers/" + id, "reactivate", "Round " + round);
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		feed.sequenceNow();

		List<StoredEvent> read = feed.after(start, 1000);
		assertThat(read).extracting(StoredEvent::sequence)
			.containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + read.size()).boxed()
				.toList());
		for (long id : ids) {
			List<String> types = read.stream().filter(event -> event.recordId() == id).map(StoredEvent::type).toList();
			assertThat(types).hasSize(10);
			for (int i = 0; i < types.size(); i++) {
				assertThat(types.get(i)).isEqualTo(i % 2 == 0 ? "CustomerDeactivated" : "CustomerReactivated");
			}
		}
	}

	private List<JsonNode> eventsOf(String kind, long id) {
		feed.sequenceNow();
		List<JsonNode> events = new ArrayList<>();
		for (StoredEvent event : feed.after(0, 100_000)) {
			if (event.recordKind().equals(kind) && event.recordId() == id) {
				events.add(json.readTree(event.document()));
			}
		}
		return events;
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();
	}

	private long lastSequence() {
		feed.sequenceNow();
		return jdbc.sql("SELECT coalesce(max(seq), 0) FROM events").query(Long.class).single();
	}

}
