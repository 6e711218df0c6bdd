package org.backroom.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/**
 * The days a report covers: from {@code from} inclusive to {@code to} exclusive, each day starting at midnight UTC
 * (as the audit trail's time filters do), so that consecutive periods neither overlap nor leave a gap.
 */
record ReportPeriod(LocalDate from, LocalDate to) {

	/** The period asked for; without dates, the current month. */
	static ReportPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
		LocalDate monthStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
		LocalDate start = from != null ? from : to != null ? to.minusMonths(1) : monthStart;
		LocalDate end = to != null ? to : from != null ? start.plusMonths(1) : monthStart.plusMonths(1);
		if (!start.isBefore(end)) {
			throw ValidationFailed.of("to", "must be after from (to is exclusive: from=2025-01-01&to=2025-02-01 is January)");
		}
		return new ReportPeriod(start, end);
	}

	OffsetDateTime start() {
		return from.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	OffsetDateTime end() {
		return to.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
