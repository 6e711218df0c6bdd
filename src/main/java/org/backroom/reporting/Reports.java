package org.backroom.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.backroom.platform.ReportsDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of reports and of the dormant-customer review, run where reports read (a replica, if configured). */
@Repository
class Reports {

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

	Reports(ReportsDatabase database) {
		this.jdbc = database.jdbc();
	}

	List<ReportRow> rows(Report report, ReportPeriod period) {
		return statement(report, period).query(ReportRow::from).list();
	}

	/** Hands each row to the handler as it arrives; call inside a transaction, or the driver fetches all at once. */
	void stream(Report report, ReportPeriod period, RowCallbackHandler handler) {
		statement(report, period).withFetchSize(FETCH_SIZE).query(handler);
	}

	List<DormantCustomer> dormant(Instant since, @Nullable Long after, int rows) {
		return jdbc.sql(DORMANT)
			.param("since", Timestamp.from(since))
			.param("after", after == null ? 0L : after)
			.param("rows", rows)
			.query(DormantCustomer::from)
			.list();
	}

	private JdbcClient.StatementSpec statement(Report report, ReportPeriod period) {
		return jdbc.sql(report.sql()).param("from", period.start()).param("to", period.end());
	}

}
