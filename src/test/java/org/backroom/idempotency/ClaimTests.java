package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming a key waits a short while for another request with the same key, and only that wait: the rest of the
 * request (a sale waiting for a customer another till has locked) waits as long as it would have without a key.
 */
@BackroomTest
class ClaimTests {

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theTransactionKeepsItsLockTimeoutAfterClaimingAKey() {
		String after = transaction.execute(status -> {
			jdbc.sql("SELECT set_config('lock_timeout', '7s', true)").query(String.class).single();
			assertThat(keys.claim(1, UUID.randomUUID().toString(), new byte[32], Duration.ofMillis(250))).isEmpty();
			return jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single();
		});
		assertThat(after).isEqualTo("7s");
	}

	@Test
	void aKeyUsedBeforeIsFoundAndTheLockTimeoutStillPutBack() {
		String key = UUID.randomUUID().toString();
		transaction.executeWithoutResult(status -> keys.claim(1, key, new byte[32], Duration.ofMillis(250)));
		String after = transaction.execute(status -> {
			assertThat(keys.claim(1, key, new byte[32], Duration.ofMillis(250))).isPresent();
			return jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single();
		});
		assertThat(after).isEqualTo("0");
	}

}
