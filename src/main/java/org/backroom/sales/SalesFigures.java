package org.backroom.sales;

import java.math.BigDecimal;
import java.util.List;

import org.backroom.platform.RecordRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's sales figures: today, this month, and sales by day and month, each against the same span a year before. */
@Repository
class SalesFigures {

	private final JdbcClient jdbc;

	SalesFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Period(long orders, BigDecimal total) {
	}

	/** Orders and takings since the start of today ({@code day}) or of this month ({@code month}). */
	Period since(String unit) {
		return jdbc.sql("SELECT count(*) AS orders, coalesce(sum(total), 0.00) AS total FROM sales_orders"
				+ " WHERE created_at >= date_trunc('" + ("day".equals(unit) ? "day" : "month") + "', now())")
			.query(RecordRows.of(Period.class))
			.single();
	}

	/** Orders and takings of the same span a year before: from the start of that day or month to this moment's twin. */
	Period yearBefore(String unit) {
		return jdbc.sql("SELECT count(*) AS orders, coalesce(sum(total), 0.00) AS total FROM sales_orders"
				+ " WHERE created_at >= date_trunc('" + ("day".equals(unit) ? "day" : "month") + "', now() - interval '1 year')"
				+ " AND created_at < now() - interval '1 year'")
			.query(RecordRows.of(Period.class))
			.single();
	}

	/** Each day of this month with its takings, and the same day a year before. */
	List<BarChart.Point> daysOfThisMonth() {
		return jdbc.sql("""
				SELECT to_char(d.day, 'FMDD') AS label,
				       coalesce((SELECT sum(total) FROM sales_orders o
				                 WHERE o.created_at >= d.day AND o.created_at < d.day + interval '1 day'), 0) AS now,
				       coalesce((SELECT sum(total) FROM sales_orders o
				                 WHERE o.created_at >= d.day - interval '1 year'
				                   AND o.created_at < d.day - interval '1 year' + interval '1 day'), 0) AS before
				FROM generate_series(date_trunc('month', now()), date_trunc('month', now()) + interval '1 month' - interval '1 day',
				                     interval '1 day') AS d(day)
				ORDER BY d.day""").query(RecordRows.of(BarChart.Point.class)).list();
	}

	/** The last 12 months with their takings, and the same months a year before. */
	List<BarChart.Point> monthsAgainstYearBefore() {
		return jdbc.sql("""
				SELECT to_char(m.month, 'Mon YY') AS label,
				       coalesce((SELECT sum(total) FROM sales_orders o
				                 WHERE o.created_at >= m.month AND o.created_at < m.month + interval '1 month'), 0) AS now,
				       coalesce((SELECT sum(total) FROM sales_orders o
				                 WHERE o.created_at >= m.month - interval '1 year'
				                   AND o.created_at < m.month - interval '1 year' + interval '1 month'), 0) AS before
				FROM generate_series(date_trunc('month', now()) - interval '11 months', date_trunc('month', now()),
				                     interval '1 month') AS m(month)
				ORDER BY m.month""").query(RecordRows.of(BarChart.Point.class)).list();
	}

}
