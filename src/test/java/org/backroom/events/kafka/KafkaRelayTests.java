package org.backroom.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.backroom.events.kafka.KafkaTopicReader.header;
import static org.backroom.events.kafka.KafkaTopicReader.readAll;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.transition;
import static org.backroom.support.StoreRecords.uniqueName;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backroom.events.EventFeed;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 13, point 8: with brokers configured, every event reaches the topic of its record's kind, keyed by record id,
 * with its id, type and version in headers and its document as the value, in order per record; the relay's position
 * survives a restart, and a broker that is away holds it while the till keeps selling. Against a real (embedded,
 * KRaft) broker on a random port.
 */
@BackroomTest(properties = { "backroom.events.kafka.bootstrap=${spring.embedded.kafka.brokers}",
		"backroom.events.kafka.interval=100ms", "backroom.events.sequence-interval=100ms",
		"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN" })
@EmbeddedKafka
@DirtiesContext
class KafkaRelayTests extends ApiTest {

	@Autowired
	KafkaRelay relay;

	@Autowired
	EventFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry metrics;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void transitionsAndASaleReachTheirTopicsKeyedByRecordInOrderWithTheirDocuments() {
		long customerId = customer(api, uniqueName("Kafka Customer")).path("id").asLong();
		long itemId = item(api, "Kafka kettle", "8.00").path("id").asLong();
		transition(api, "/api/customers/" + customerId, "deactivate", "Paused the account");
		transition(api, "/api/customers/" + customerId, "reactivate", "Back again");
		JsonNode sale = sold(api, customerId, "CARD", line(itemId, 3));
		long saleId = sale.path("id").asLong();

		caughtUp();

		List<ConsumerRecord<String, String>> customerEvents = of(readAll(brokers, "backroom.customer"), customerId);
		assertThat(customerEvents).extracting(record -> header(record, EventPublisher.TYPE))
			.containsExactly("CustomerCreated", "CustomerDeactivated", "CustomerReactivated");
		assertThat(customerEvents).extracting(ConsumerRecord::partition).containsOnly(customerEvents.get(0).partition());
		assertThat(customerEvents).extracting(record -> Long.parseLong(header(record, EventPublisher.SEQUENCE)))
			.isSorted();
		customerEvents.forEach(this::isTheFeedsEvent);

		List<ConsumerRecord<String, String>> saleEvents = of(readAll(brokers, "backroom.sales-order"), saleId);
		assertThat(saleEvents).hasSize(1);
		JsonNode saleDocument = json.readTree(saleEvents.get(0).value());
		assertThat(saleDocument.path("type").asString()).isEqualTo("SalesOrderCreated");
		assertThat(saleDocument.path("changes").path("number").asString()).isEqualTo(sale.path("number").asString());
		assertThat(saleDocument.path("changes").path("total").asString()).isEqualTo("24.00");
		isTheFeedsEvent(saleEvents.get(0));

		assertThat(of(readAll(brokers, "backroom.item"), itemId)).extracting(record -> header(record, EventPublisher.TYPE))
			.containsExactly("ItemCreated");
	}

	@Test
	void aRestartedRelayResumesFromItsPositionAndPublishesNothingTwice() {
		caughtUp();
		relay.stop();
		long held = relay.position();
		long customerId;
		try {
			customerId = customer(api, uniqueName("Kafka Restart")).path("id").asLong();
			transition(api, "/api/customers/" + customerId, "deactivate", "While the relay is stopped");
			transition(api, "/api/customers/" + customerId, "reactivate", "Still stopped");
			feed.sequenceNow();
			assertThat(relay.position()).as("nothing is published while the relay is stopped").isEqualTo(held);
		}
		finally {
			relay.start();
		}

		caughtUp();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> metrics.get("backroom.events.kafka.lag").gauge().value() == 0.0);
		List<ConsumerRecord<String, String>> all = readAll(brokers, "backroom.customer");
		assertThat(of(all, customerId)).extracting(record -> header(record, EventPublisher.TYPE))
			.containsExactly("CustomerCreated", "CustomerDeactivated", "CustomerReactivated");
		assertThat(all).extracting(record -> header(record, EventPublisher.ID)).doesNotHaveDuplicates();
	}

	@Test
	void aBrokerThatIsDownHoldsThePositionWhileTheTillKeepsSelling() throws IOException {
		long itemId = item(api, "Kafka teapot", "5.00").path("id").asLong();
		caughtUp();
		relay.stop();
		long held = relay.position();
		KafkaRelaySettings nobodyListens = downSettings();
		DefaultKafkaProducerFactory<String, String> unreachable = new DefaultKafkaProducerFactory<>(
				KafkaRelayConfiguration.producerSettings(nobodyListens));
		KafkaRelay down = relay(unreachable, nobodyListens);
		long saleId;
		try {
			down.start();
			saleId = sold(api, null, "CASH", line(itemId, 1)).path("id").asLong();
			sold(api, null, "CARD", line(itemId, 2));
			feed.sequenceNow();
			await().atMost(Duration.ofSeconds(20)).until(() -> down.failing() && down.lag() >= 2);
			down.stop();
			assertThatThrownBy(down::relayOnce).isInstanceOf(RelayFailed.class);
			assertThat(relay.position()).as("the position waits for an acknowledgement").isEqualTo(held);
		}
		finally {
			down.stop();
			unreachable.destroy();
			relay.start();
		}

		caughtUp();

		assertThat(of(readAll(brokers, "backroom.sales-order"), saleId)).hasSize(1);
	}

	@Test
	void anotherInstanceSkipsTheRoundWhileOneHoldsThePosition() throws SQLException {
		caughtUp();
		relay.stop();
		try {
			customer(api, uniqueName("Kafka Instances"));
			feed.sequenceNow();
			long held = relay.position();
			try (Connection relaying = dataSource.getConnection()) {
				relaying.setAutoCommit(false);
				relaying.createStatement().execute("SELECT position FROM kafka_relay_position FOR UPDATE");

				assertThat(relay.relayOnce()).as("published while another instance relays").isZero();
				assertThat(relay.position()).isEqualTo(held);

				relaying.rollback();
			}
			assertThat(relay.relayOnce()).isPositive();
			assertThat(relay.position()).isGreaterThan(held);
		}
		finally {
			relay.start();
		}
	}

	/** Waits until the relay has published every event committed so far. */
	private void caughtUp() {
		feed.sequenceNow();
		long head = jdbc.sql("SELECT coalesce(max(seq), 0) FROM events").query(Long.class).single();
		await().atMost(Duration.ofSeconds(30)).until(() -> relay.position() >= head);
	}

	private void isTheFeedsEvent(ConsumerRecord<String, String> record) {
		long id = Long.parseLong(header(record, EventPublisher.ID));
		String document = feed.find(id).orElseThrow().document();
		assertThat(json.readTree(record.value())).isEqualTo(json.readTree(document));
		assertThat(header(record, EventPublisher.VERSION)).isEqualTo("1");
		assertThat(header(record, EventPublisher.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(record.key()).isEqualTo(Long.toString(json.readTree(document).path("id").asLong()));
	}

	private static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> records, long id) {
		return records.stream().filter(record -> record.key().equals(Long.toString(id))).toList();
	}

	/** Settings pointing at a port on which no broker listens, with short timeouts. */
	private static KafkaRelaySettings downSettings() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		return new KafkaRelaySettings("127.0.0.1:" + port, "backroom.", 3, false, Duration.ofMillis(100), 500,
				Duration.ofSeconds(1), Map.of());
	}

	private KafkaRelay relay(DefaultKafkaProducerFactory<String, String> factory, KafkaRelaySettings settings) {
		EventPublisher publisher = new EventPublisher(KafkaRelayConfiguration.template(factory), new EventTopics(settings), json,
				settings.sendTimeout());
		return new KafkaRelay(jdbc, transactions, feed, publisher, settings);
	}

}
