package org.backroom.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The store's tables as text, to tell whether a merge and its undo left every one as it was. */
final class Tables {

	/**
	 * Tables whose rows are not the store's data: the audit trail, the events told of it and their deliveries, and
	 * bookkeeping of sign-ins and requests.
	 */
	private static final List<String> NOT_COMPARED = List.of("audit_log", "events", "webhook_fanout",
			"webhook_deliveries", "api_tokens", "idempotency_keys", "spring_session", "spring_session_attributes",
			"sign_in_failures", "flyway_schema_history");

	private Tables() {
	}

	/** Every row of every table but those not compared, as text, in a stable order: generic over the schema. */
	static Map<String, List<String>> dump(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
			.query(String.class)
			.list();
		Map<String, List<String>> dump = new LinkedHashMap<>();
		for (String table : tables) {
			if (!NOT_COMPARED.contains(table)) {
				dump.put(table, new ArrayList<>(jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY t::text")
					.query(String.class)
					.list()));
			}
		}
		return dump;
	}

	/** The actions of the audit entries written after the {@code before}-th. */
	static List<String> actionsSince(JdbcClient jdbc, long before) {
		return jdbc.sql("SELECT action FROM audit_log ORDER BY id OFFSET ?").param(before).query(String.class).list();
	}

	static long auditEntries(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
	}

}
