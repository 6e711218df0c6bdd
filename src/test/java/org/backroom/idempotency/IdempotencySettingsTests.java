package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Settings that would make keys misbehave are refused when Backroom starts, with the setting named. */
class IdempotencySettingsTests {

	@Test
	void aRetryMustGiveUpWaitingAtSomePoint() {
		// Below a millisecond the claim's lock_timeout would be 0, which PostgreSQL reads as "wait for ever".
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IdempotencySettings(Duration.ofHours(24), Duration.ofNanos(500_000), 3,
					Duration.ofMillis(20)))
			.withMessageContaining("backroom.idempotency.in-progress-wait must be at least 1ms");
		assertThat(new IdempotencySettings(Duration.ofHours(24), Duration.ofMillis(1), 3, Duration.ofMillis(20))
			.inProgressWait()).isEqualTo(Duration.ofMillis(1));
	}

}
