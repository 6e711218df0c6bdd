package org.backroom.sales;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dashboard's sales figures: today, this month, and the last 12 months, in the database's time zone. */
@Repository
class SalesFigures {

	private final JdbcClient jdbc;

	SalesFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Period(long orders, BigDecimal total) {
	}

	record Month(String label, BigDecimal total) {
	}

	/** Orders and takings since the start of today ({@code day}) or of this month ({@code month}). */
	Period since(String unit) {
		return jdbc.sql("SELECT count(*) AS orders, coalesce(sum(total), 0) AS total FROM sales_orders"
				+ " WHERE created_at >= date_trunc('" + ("day".equals(unit) ? "day" : "month") + "', now())")
			.query(Period.class)
			.single();
	}

	/** Takings per month, the current month last; months without sales are zero. */
	List<Month> lastTwelveMonths() {
		return jdbc.sql("""
				SELECT to_char(m.month, 'Mon YY') AS label, coalesce(sum(o.total), 0) AS total
				FROM generate_series(date_trunc('month', now()) - interval '11 months', date_trunc('month', now()),
				                     interval '1 month') AS m(month)
				LEFT JOIN sales_orders o ON o.created_at >= m.month AND o.created_at < m.month + interval '1 month'
				GROUP BY m.month ORDER BY m.month""").query(Month.class).list();
	}

}
