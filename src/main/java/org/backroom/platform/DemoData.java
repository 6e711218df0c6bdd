package org.backroom.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo store on the first start with an empty database, unless {@code BACKROOM_DEMO=false}. Empty means
 * no customer but the walk-in one and no item: a store that has begun work is never touched.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "backroom.demo", matchIfMissing = true)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	DemoData(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			// Serializes two instances starting on one empty database: only one loads the demo.
			jdbc.sql("SELECT pg_advisory_xact_lock(4242)").query().singleValue();
			boolean empty = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM customers WHERE NOT is_system)"
					+ " AND NOT EXISTS (SELECT 1 FROM items)").query(Boolean.class).single();
			if (!empty) {
				return;
			}
			long started = System.nanoTime();
			Resource[] scripts = scripts();
			new ResourceDatabasePopulator(scripts).populate(DataSourceUtils.getConnection(dataSource));
			int told = recordHistory();
			log.info("Loaded the demo store with {} lifecycle entries in its audit trail in {} ms"
					+ " (set BACKROOM_DEMO=false to start empty)", told, (System.nanoTime() - started) / 1_000_000);
		});
	}

	/**
	 * The demo's inactive and deleted records got there the way a store's do: each transition is in the audit trail,
	 * at the time the record says, by the person who would have made it, with its reason, so their history pages
	 * tell who, when and why. Appended exactly as the audit trail appends, with the past time given instead of the
	 * clock's; the scripts only set the records' statuses.
	 */
	private int recordHistory() {
		var events = jdbc.sql(HISTORY).query((rs, row) -> new Object[] { rs.getObject("at"), rs.getString("actor"),
				rs.getString("action"), rs.getString("record_kind"), rs.getLong("record_id"), rs.getString("reason"),
				rs.getString("changes") }).list();
		events.forEach(event -> jdbc.sql(APPEND).params(event).update());
		return events.size();
	}

	private static final String HISTORY = """
			SELECT at, actor, action, record_kind, record_id, reason, changes FROM (
			    SELECT created_at AS at, 'maria' AS actor, 'customer.create' AS action, 'customer' AS record_kind,
			           id AS record_id, NULL AS reason, jsonb_build_object('name', jsonb_build_object('from', NULL::text, 'to', name))::text AS changes
			    FROM customers WHERE status = 'DELETED'
			    UNION ALL
			    SELECT status_changed_at, 'nora', 'customer.' || CASE status WHEN 'DELETED' THEN 'delete' ELSE 'deactivate' END,
			           'customer', id, status_reason,
			           jsonb_build_object('status', jsonb_build_object('from', 'ACTIVE', 'to', status))::text
			    FROM customers WHERE status IN ('INACTIVE', 'DELETED') AND NOT is_system
			    UNION ALL
			    SELECT status_changed_at, 'nora', 'item.deactivate', 'item', id, status_reason,
			           jsonb_build_object('status', jsonb_build_object('from', 'ACTIVE', 'to', status))::text
			    FROM items WHERE status = 'INACTIVE'
			    UNION ALL
			    SELECT status_changed_at, 'admin', 'supplier.deactivate', 'supplier', id, status_reason,
			           jsonb_build_object('status', jsonb_build_object('from', 'ACTIVE', 'to', status))::text
			    FROM suppliers WHERE status = 'INACTIVE') AS e
			ORDER BY at, record_kind, record_id, action DESC""";

	// The audit trail's append (audit/AuditLog), with the event's own time: written unchained, as every entry is,
	// and sealed into the chain by the audit trail's sealer moments after the demo's transaction commits.
	private static final String APPEND = """
			INSERT INTO audit_log (at, actor, action, record_kind, record_id, reason, changes, payload_hash)
			SELECT v.*, audit_payload_hash(v.at, v.actor, v.action, v.record_kind, v.record_id, v.reason, v.changes,
			                               NULL, NULL)
			FROM (SELECT CAST(? AS timestamptz) AS at, CAST(? AS text) AS actor, CAST(? AS text) AS action,
			             CAST(? AS text) AS record_kind, CAST(? AS bigint) AS record_id, CAST(? AS text) AS reason,
			             CAST(? AS jsonb) AS changes) AS v""";

	/** Every {@code demo/*.sql}, in name order: {@code 1-store.sql}, then what builds on it. */
	private static Resource[] scripts() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:demo/*.sql");
			Arrays.sort(scripts, Comparator.comparing(script -> String.valueOf(script.getFilename())));
			return scripts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
