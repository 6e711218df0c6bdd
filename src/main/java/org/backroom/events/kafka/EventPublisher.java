package org.backroom.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backroom.events.StoredEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes a batch of events and returns only once the brokers have acknowledged every one of them: the value is the
 * event document (JSON, UTF-8), the key the record's id (so a record's events share a partition and keep their
 * order), and the headers say what the event is without parsing it.
 */
class EventPublisher {

	static final String ID = "backroom-event-id";

	static final String TYPE = "backroom-event-type";

	static final String VERSION = "backroom-event-version";

	static final String SEQUENCE = "backroom-event-sequence";

	static final String CONTENT_TYPE = "content-type";

	private final KafkaTemplate<String, String> kafka;

	private final EventTopics topics;

	private final JsonMapper json;

	private final Duration timeout;

	EventPublisher(KafkaTemplate<String, String> kafka, EventTopics topics, JsonMapper json, Duration timeout) {
		this.kafka = kafka;
		this.topics = topics;
		this.json = json;
		this.timeout = timeout;
	}

	/** Sends the events in order and waits for all acknowledgements; throws {@link RelayFailed} if any is missing. */
	void publish(List<StoredEvent> events) {
		topics.ensure(events.stream().map(event -> topics.of(event.recordKind())).collect(Collectors.toSet()));
		List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>(events.size());
		try {
			for (StoredEvent event : events) {
				sent.add(kafka.send(record(event)));
			}
		}
		catch (RuntimeException ex) {
			// The producer gives up synchronously when it cannot learn a topic's partitions within max.block.ms.
			throw new RelayFailed("the producer did not take an event", ex);
		}
		finally {
			kafka.flush();
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		for (CompletableFuture<SendResult<String, String>> acknowledged : sent) {
			await(acknowledged, deadline);
		}
	}

	/** Record id as the key: each topic holds one kind, so the id alone names the record. */
	ProducerRecord<String, String> record(StoredEvent event) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(ID, bytes(Long.toString(event.id())));
		headers.add(TYPE, bytes(event.type()));
		headers.add(VERSION, bytes(Integer.toString(version(event))));
		headers.add(SEQUENCE, bytes(Long.toString(event.sequence())));
		headers.add(CONTENT_TYPE, bytes("application/json"));
		return new ProducerRecord<>(topics.of(event.recordKind()), null, Long.toString(event.recordId()),
				event.document(), headers);
	}

	private int version(StoredEvent event) {
		return json.readTree(event.document()).path("version").asInt();
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private void await(CompletableFuture<SendResult<String, String>> acknowledged, long deadline) {
		try {
			acknowledged.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw new RelayFailed("the brokers refused or did not acknowledge an event", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new RelayFailed("no acknowledgement within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RelayFailed("interrupted", ex);
		}
	}

}
