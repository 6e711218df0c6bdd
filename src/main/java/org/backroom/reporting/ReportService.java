package org.backroom.reporting;

import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.backroom.web.Csv;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Running reports: each in one read-only transaction, so that its rows and its total come from one snapshot. */
@Service
class ReportService {

	private final Reports reports;

	ReportService(Reports reports) {
		this.reports = reports;
	}

	/** A report as JSON answers it: the rows and their total, which is the total of the period's orders. */
	record ReportView(LocalDate from, LocalDate to, List<ReportRow> rows, BigDecimal total) {
	}

	/** One page of the review; {@code nextCursor} is null on the last. */
	record DormantPage(LocalDate since, List<DormantCustomer> rows, @Nullable String nextCursor) {
	}

	@PreAuthorize("@permissions.require('report.view')")
	@Transactional(readOnly = true)
	ReportView run(Report report, ReportPeriod period) {
		List<ReportRow> rows = reports.rows(report, period);
		BigDecimal total = rows.stream().map(ReportRow::total).reduce(new BigDecimal("0.00"), BigDecimal::add);
		return new ReportView(period.from(), period.to(), rows, total);
	}

	/**
	 * Writes the report as CSV while its rows stream from the database. Read-only: a cursor over one snapshot
	 * holds no lock that a sale would wait for. The header line waits for the first row (or for the end of an
	 * empty report): nothing is written before the database has answered, so a refusal can still be answered.
	 */
	@PreAuthorize("@permissions.require('report.view')")
	@Transactional(readOnly = true)
	void export(Report report, ReportPeriod period, Writer out) {
		Csv csv = Csv.to(out);
		AtomicBoolean headed = new AtomicBoolean();
		reports.stream(report, period, rs -> {
			header(csv, headed);
			csv.row(ReportRow.from(rs, rs.getRow()).fields());
		});
		header(csv, headed);
		csv.finish();
	}

	private static void header(Csv csv, AtomicBoolean written) {
		if (written.compareAndSet(false, true)) {
			csv.row((Object[]) ReportRow.HEADER);
		}
	}

	@PreAuthorize("@permissions.require('report.view')")
	@Transactional(readOnly = true)
	DormantPage dormant(LocalDate since, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		Instant start = since.atStartOfDay(ZoneOffset.UTC).toInstant();
		List<DormantCustomer> rows = reports.dormant(start, after == null ? null : after.id(), limit + 1);
		var page = Page.of(rows, limit, customer -> new Cursor("", customer.id()));
		return new DormantPage(since, page.items(), page.nextCursor());
	}

}
