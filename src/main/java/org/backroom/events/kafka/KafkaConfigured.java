package org.backroom.events.kafka;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when {@code backroom.events.kafka.bootstrap} names brokers. A blank value counts as unset, so the
 * {@code ${BACKROOM_EVENTS_KAFKA_BOOTSTRAP:}} default in application.properties leaves Kafka off.
 */
class KafkaConfigured implements Condition {

	static final String PROPERTY = "backroom.events.kafka.bootstrap";

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
	}

}
