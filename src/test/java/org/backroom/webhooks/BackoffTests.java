package org.backroom.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The waits between attempts: 10 s doubling to an hour, less up to a quarter, each longer than the one before. */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

	@RepeatedTest(20)
	void eachWaitIsLongerThanTheOneBeforeUntilTheCap() {
		long before = 0;
		for (int failures = 1; failures <= 9; failures++) {
			long wait = backoff.after(failures).toMillis();
			long full = Math.min(10_000L << (failures - 1), 3_600_000L);
			assertThat(wait).as("after %s failures", failures).isBetween(full - full / 4, full);
			if (full < 3_600_000L) {
				assertThat(wait).isGreaterThan(before);
			}
			before = wait;
		}
	}

	@Test
	void neverWaitsLongerThanTheCapHoweverManyFailures() {
		assertThat(backoff.after(10_000)).isLessThanOrEqualTo(Duration.ofHours(1))
			.isGreaterThanOrEqualTo(Duration.ofMinutes(45));
	}

	@Test
	void theSignatureIsTheHmacOfTimeDotBody() {
		String header = Signature.header("a-secret-of-sixteen", 1_764_580_000L, "{\"eventId\":1}");

		assertThat(header).isEqualTo("t=1764580000,v1="
				+ WebhookTest.hmac("a-secret-of-sixteen", "1764580000.{\"eventId\":1}"));
		assertThat(Signature.newSecret()).startsWith("whsec_").isNotEqualTo(Signature.newSecret());
	}

}
