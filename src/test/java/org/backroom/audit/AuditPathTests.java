package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries change only along the two declared paths (V19): sealing fills empty chain columns once, erasure
 * blanks content once and only beside its own erasure entry. Everything else stays refused, declared or not.
 */
@BackroomTest(properties = { "backroom.data.dir=", "backroom.demo=false", "backroom.trash.purge-cron=-" })
class AuditPathTests extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private AuditTrail trail;

	private long entry;

	@BeforeEach
	void anEntry() {
		AuditClient audit = new AuditClient(api);
		long customer = audit.customer(Map.of("name", AuditClient.unique("Pathed"))).path("id").asLong();
		entry = audit.history("customers", customer).get(0).path("id").asLong();
	}

	@Test
	void anUndeclaredUpdateIsRefused() {
		assertRefused(null, "UPDATE audit_log SET reason = 'forged' WHERE id = " + entry);
	}

	@Test
	void sealingCannotChangeContentNorReSealALink() {
		trail.sealNow();
		assertRefused("seal", "UPDATE audit_log SET reason = 'forged' WHERE id = " + entry);
		assertRefused("seal", "UPDATE audit_log SET hash = sha256('forged') WHERE id = " + entry);
		assertRefused("seal", "UPDATE audit_log SET payload_hash = sha256('forged') WHERE id = " + entry);
	}

	@Test
	void sealingAnEntryCannotChangeItsContentAtTheSameTime() {
		// Written and sealed in one transaction, so that the sealer cannot have sealed it first.
		String seal = "UPDATE audit_log SET chain_seq = 1000000000, prev_hash = sha256('forged link'),"
				+ " hash = sha256('forged'), sealed_at = now()";
		for (String forged : List.of("reason = 'forged'", "changes = '{\"forged\": true}'", "erased = true",
				"at = at + interval '1 second'", "payload_hash = sha256('forged')")) {
			assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
				long fresh = insertEntry();
				declare("seal");
				jdbc.sql(seal + ", " + forged + " WHERE id = ?").param(fresh).update();
			})).as(forged).isInstanceOf(DataAccessException.class).rootCause()
				.hasMessageContaining("audit_log is append-only");
		}
		// The same seal without the forgery passes: what was refused is the change of content.
		Integer sealed = transaction.execute(status -> {
			long fresh = insertEntry();
			declare("seal");
			status.setRollbackOnly();
			return jdbc.sql(seal + " WHERE id = ?").param(fresh).update();
		});
		assertThat(sealed).isEqualTo(1);
	}

	private long insertEntry() {
		return jdbc.sql("""
				INSERT INTO audit_log (at, actor, action, reason, payload_hash)
				SELECT t.at, 'test', 'customer.update', 'why', audit_payload_hash(t.at, 'test', 'customer.update', NULL,
				                                                                 NULL, 'why', NULL, NULL, NULL)
				FROM (SELECT clock_timestamp() AS at) t
				RETURNING id""").query(Long.class).single();
	}

	@Test
	void erasureNeedsItsOwnEntryInTheSameTransaction() {
		long earlierErasure = recordErasure();

		assertRefused("erase", "UPDATE audit_log SET reason = NULL, erased = true, erased_by = " + earlierErasure
				+ " WHERE id = " + entry);
		assertRefused("erase", "UPDATE audit_log SET action = 'forged' WHERE id = " + entry);
	}

	@Test
	void erasureBlanksContentOnceAndKeepsTheChainIntact() {
		transaction.executeWithoutResult(status -> {
			declare("erase");
			long erasure = recordErasure();
			jdbc.sql("UPDATE audit_log SET changes = NULL, reason = NULL, address = NULL, erased = true,"
					+ " erased_by = ? WHERE id = ?").params(erasure, entry).update();
		});

		assertThat(jdbc.sql("SELECT erased FROM audit_log WHERE id = ?").param(entry).query(Boolean.class).single())
			.isTrue();
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
		assertRefused("erase", "UPDATE audit_log SET payload_hash = sha256('forged') WHERE id = " + entry);
		assertRefused("erase", "UPDATE audit_log SET actor = 'mallory' WHERE id = " + entry);
		assertRefused("erase", "DELETE FROM audit_log WHERE id = " + entry);
	}

	private long recordErasure() {
		return transaction.execute(status -> jdbc.sql("""
				INSERT INTO audit_log (at, actor, action, payload_hash)
				SELECT t.at, 'test', 'customer.erase', audit_payload_hash(t.at, 'test', 'customer.erase', NULL, NULL,
				                                                          NULL, NULL, NULL, NULL)
				FROM (SELECT clock_timestamp() AS at) t
				RETURNING id""").query(Long.class).single());
	}

	private void declare(String path) {
		jdbc.sql("SELECT set_config('backroom.audit_path', ?, true)").param(path).query(String.class).single();
	}

	private void assertRefused(String path, String sql) {
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			if (path != null) {
				declare(path);
			}
			jdbc.sql(sql).update();
		})).as(path + ": " + sql).isInstanceOf(DataAccessException.class).rootCause()
			.hasMessageContaining("audit_log is append-only");
	}

}
