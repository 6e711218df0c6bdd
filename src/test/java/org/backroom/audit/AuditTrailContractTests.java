package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What features may rely on when they call {@link AuditTrail}: the transaction rules of record and recordAlone. */
@BackroomTest
class AuditTrailContractTests extends ApiTest {

	@Autowired
	private AuditTrail trail;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void refusesToRecordOutsideATransaction() {
		assertThatThrownBy(() -> trail.record("test.orphan", null, null, null, null))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void recordAloneCommitsWhenTheCallersTransactionRollsBack() {
		String action = "test.alone-" + System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			trail.recordAlone(action, null, null, "kept", Map.of("attempt", 1));
			trail.record(action + "-rolled-back", null, null, null, null);
			status.setRollbackOnly();
		});

		List<JsonNode> kept = new AuditClient(api).all("/api/audit?action=" + action);
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).path("actor").asString()).isEqualTo("system");
		assertThat(kept.get(0).path("changes").path("attempt").asInt()).isEqualTo(1);
		assertThat(new AuditClient(api).all("/api/audit?action=" + action + "-rolled-back")).isEmpty();
	}

	@Test
	@Timeout(30)
	void recordAloneInsideATransactionThatHasRecordedNeitherWaitsNorDependsOnIt() {
		String action = "test.inner-" + System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			trail.record("test.outer", null, null, null, null);
			trail.recordAlone(action, null, null, null, null);
			status.setRollbackOnly();
		});

		assertThat(new AuditClient(api).all("/api/audit?action=" + action)).hasSize(1);
	}

}
