package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit table refuses changes, and verify finds the entry where someone who got past that (by disabling the
 * trigger) altered or removed the chain. An application of its own: these tests break the chain on purpose, and
 * each mends it again before the next.
 */
@BackroomTest(properties = { "backroom.data.dir=", "backroom.demo=false", "backroom.trash.purge-cron=-",
		"backroom.audit.tamper-test=true" })
class AuditTamperTests extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AuditTrail trail;

	/** An entry in the middle of the chain, and the one after it. */
	private long target;

	private long next;

	@BeforeEach
	void threeEntries() {
		AuditClient audit = new AuditClient(api);
		long[] entries = new long[3];
		for (int i = 0; i < 3; i++) {
			long customer = audit.customer(Map.of("name", AuditClient.unique("Chained"))).path("id").asLong();
			entries[i] = audit.history("customers", customer).get(0).path("id").asLong();
		}
		target = entries[1];
		// Tampering with what is sealed is what verify must find; the unsealed window is AuditSealTests' matter.
		trail.sealNow();
		next = jdbc.sql("SELECT id FROM audit_log WHERE chain_seq = (SELECT chain_seq + 1 FROM audit_log WHERE id = ?)")
			.param(target)
			.query(Long.class)
			.single();
		assertIntact();
	}

	@AfterEach
	void chainIsIntactAgain() {
		assertIntact();
	}

	@Test
	void refusesUpdateDeleteAndTruncate() {
		for (String sql : new String[] { "UPDATE audit_log SET reason = 'forged' WHERE id = " + target,
				"DELETE FROM audit_log WHERE id = " + target, "UPDATE audit_log SET reason = 'x' WHERE false",
				"TRUNCATE audit_log" }) {
			assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("audit_log is append-only");
		}
	}

	@Test
	void findsAnEntryWhoseContentWasAltered() {
		String actor = jdbc.sql("SELECT actor FROM audit_log WHERE id = ?").param(target).query(String.class).single();
		behindTheBack("UPDATE audit_log SET actor = 'mallory' WHERE id = ?", target);

		assertBrokenAt(target);

		behindTheBack("UPDATE audit_log SET actor = ? WHERE id = ?", actor, target);
	}

	@Test
	void findsAnEntryAlteredWithItsPayloadHashRecomputed() {
		byte[] payload = bytes("payload_hash");
		behindTheBack("UPDATE audit_log SET reason = 'forged', payload_hash = audit_payload_hash(at, actor, action,"
				+ " record_kind, record_id, 'forged', changes, request_id, address) WHERE id = ?", target);

		assertBrokenAt(target);

		behindTheBack("UPDATE audit_log SET reason = NULL, payload_hash = ? WHERE id = ?", payload, target);
	}

	@Test
	void findsAnEntryWhoseHashWasAltered() {
		byte[] hash = bytes("hash");
		behindTheBack("UPDATE audit_log SET hash = sha256('forged') WHERE id = " + target);

		assertBrokenAt(target);

		behindTheBack("UPDATE audit_log SET hash = ? WHERE id = ?", hash, target);
	}

	@Test
	void findsWhereAnEntryWasRemoved() {
		// A table of its own, not a temporary one: the statements below may each run on another pooled connection.
		jdbc.sql("CREATE TABLE removed_audit_entry AS SELECT * FROM audit_log WHERE id = " + target).update();
		behindTheBack("DELETE FROM audit_log WHERE id = ?", target);

		assertBrokenAt(next);

		behindTheBack("INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM removed_audit_entry");
		jdbc.sql("DROP TABLE removed_audit_entry").update();
	}

	private void assertBrokenAt(long entry) {
		JsonNode verdict = api.get("/api/audit/verify").json();
		assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isFalse();
		assertThat(verdict.path("firstBrokenEntry").asLong()).as(verdict.toString()).isEqualTo(entry);
	}

	private void assertIntact() {
		var verified = api.get("/api/audit/verify");
		assertThat(verified.status()).isEqualTo(200);
		JsonNode verdict = verified.json();
		assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
		assertThat(verdict.path("entries").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(verdict.has("firstBrokenEntry")).isFalse();
	}

	private byte[] bytes(String column) {
		return jdbc.sql("SELECT " + column + " FROM audit_log WHERE id = ?").param(target).query(byte[].class).single();
	}

	/** What only someone who may disable the table's triggers can do. */
	private void behindTheBack(String sql, Object... params) {
		jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER ALL").update();
		try {
			jdbc.sql(sql).params(params).update();
		}
		finally {
			jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER ALL").update();
		}
	}

}
