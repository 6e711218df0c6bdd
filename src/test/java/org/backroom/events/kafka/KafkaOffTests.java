package org.backroom.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Issue 13, point 8: without {@code BACKROOM_EVENTS_KAFKA_BOOTSTRAP} a store runs as before: no relay, no producer,
 * no Kafka client thread trying to reach a broker, and the till sells.
 */
@BackroomTest
class KafkaOffTests extends ApiTest {

	@Autowired
	ApplicationContext context;

	@Test
	void withoutBrokersNothingKafkaStartsAndTheTillSells() {
		long itemId = item(api, "Offline mug", "3.00").path("id").asLong();

		sold(api, null, "CASH", line(itemId, 1));

		assertThat(context.getBeanNamesForType(KafkaRelay.class)).isEmpty();
		assertThat(context.getBeanNamesForType(ProducerFactory.class)).isEmpty();
		assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.noneMatch(name -> name.contains("backroom-events") || name.equals("kafka-relay"));
	}

}
