package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.backroom.support.BackroomTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each way of querying the trail reads its own index on a store's months of entries. The values asked for are
 * rare ones, as an investigation asks for: for a value on every tenth entry, reading the newest entries and
 * skipping the others is as quick, and PostgreSQL rightly does that.
 */
@BackroomTest
class AuditIndexTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	record Case(String index, AuditFilter filter, boolean oldestFirst) {

		@Override
		public String toString() {
			return index;
		}

	}

	static List<Case> queries() {
		Instant hourAgo = Instant.now().minusSeconds(3600);
		return List.of(
				new Case("audit_log_by_record", new AuditFilter(null, null, "customer", 42L, null, null), true),
				new Case("audit_log_by_record", new AuditFilter(null, null, "customer", 42L, null, null), false),
				new Case("audit_log_by_actor", new AuditFilter("owner", null, null, null, null, null), false),
				new Case("audit_log_by_action", new AuditFilter(null, "customer.purge", null, null, null, null), false),
				new Case("audit_log_by_time",
						new AuditFilter(null, null, null, null, hourAgo.minusSeconds(60), hourAgo), false));
	}

	@ParameterizedTest
	@MethodSource("queries")
	void readsItsIndex(Case query) {
		AuditLog.Query sql = AuditLog.pageQuery(query.filter(), null, 51, query.oldestFirst());
		List<String> plan = transaction.execute(status -> {
			// A hundred thousand entries over half a year, rolled back afterwards: on a handful any plan would do.
			status.setRollbackOnly();
			jdbc.sql("""
					INSERT INTO audit_log (at, actor, action, record_kind, record_id, payload_hash)
					SELECT now() - make_interval(mins => g * 3), CASE WHEN g % 1000 = 0 THEN 'owner' ELSE 'cashier' END,
					       CASE WHEN g % 500 = 0 THEN 'customer.purge' ELSE 'sales-order.create' END,
					       'customer', g % 5000, sha256(('p' || g)::bytea)
					FROM generate_series(1, 100000) AS g""").update();
			jdbc.sql("ANALYZE audit_log").update();
			return jdbc.sql("EXPLAIN " + sql.sql()).params(sql.params()).query(String.class).list();
		});
		assertThat(String.join("\n", plan)).as(String.join("\n", plan))
			.contains(query.index())
			.doesNotContain("Seq Scan");
	}

}
