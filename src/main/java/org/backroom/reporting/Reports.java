package org.backroom.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.backroom.platform.ReportsDatabase;
import org.backroom.web.DatabaseOutage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of reports and of the dormant-customer review, run where reports read (a replica, if configured). */
@Repository
class Reports {

	private static final Logger log = LoggerFactory.getLogger(Reports.class);

	/** Rows per round trip while a CSV streams: memory stays flat however many rows the report has. */
	private static final int FETCH_SIZE = 500;

	// The partial index customers_active_by_id (V10) walks active customers in id order; each probe of a
	// customer's orders is an index-only scan of sales_orders_by_customer_covering.
	private static final String DORMANT = """
			SELECT c.id, c.code, c.name, c.balance,
			       (SELECT max(o.created_at) FROM sales_orders o WHERE o.customer_id = c.id) AS last_sale_at,
			       (SELECT coalesce(sum(o.total), 0.00) FROM sales_orders o WHERE o.customer_id = c.id) AS lifetime_sales
			FROM customers c
			WHERE c.status = 'ACTIVE' AND NOT c.is_system AND c.id > :after
			  AND NOT EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = c.id AND o.created_at >= :since)
			ORDER BY c.id
			LIMIT :rows""";

	private final JdbcClient jdbc;

	private final boolean onReplica;

	Reports(ReportsDatabase database) {
		this.jdbc = database.jdbc();
		this.onReplica = database.onReplica();
	}

	List<ReportRow> rows(Report report, ReportPeriod period) {
		return read(() -> statement(report, period).query(ReportRow::from).list());
	}

	/** Hands each row to the handler as it arrives; call inside a transaction, or the driver fetches all at once. */
	void stream(Report report, ReportPeriod period, RowCallbackHandler handler) {
		try {
			statement(report, period).withFetchSize(FETCH_SIZE).query(handler);
		}
		catch (DataAccessException ex) {
			throw failure(ex);
		}
	}

	List<DormantCustomer> dormant(Instant since, @Nullable Long after, int rows) {
		return read(() -> jdbc.sql(DORMANT)
			.param("since", Timestamp.from(since))
			.param("after", after == null ? 0L : after)
			.param("rows", rows)
			.query(DormantCustomer::from)
			.list());
	}

	/**
	 * Runs a query where reports read. A replica that cannot be reached is {@link ReplicaUnavailable}, not an outage
	 * of the primary: left as it is, the failure would tell every request that the database is away.
	 */
	private <T> T read(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (DataAccessException ex) {
			throw failure(ex);
		}
	}

	private RuntimeException failure(DataAccessException ex) {
		if (!onReplica || !DatabaseOutage.isOutage(ex)) {
			return ex;
		}
		log.warn("Reports cannot reach their replica: {}", ex.getMostSpecificCause().getMessage());
		return new ReplicaUnavailable();
	}

	private JdbcClient.StatementSpec statement(Report report, ReportPeriod period) {
		return jdbc.sql(report.sql()).param("from", period.start()).param("to", period.end());
	}

}
