package org.backroom.reporting;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports as JSON or CSV, and the dormant-customer review. */
@Tag(name = "reports")
@RestController
class ReportApi {

	private final ReportService reports;

	private final Clock clock = Clock.systemUTC();

	ReportApi(ReportService reports) {
		this.reports = reports;
	}

	@Operation(operationId = "salesReport",
			summary = "A report over a period: from inclusive, to EXCLUSIVE (ISO dates, days from midnight UTC; "
			+ "default the current month). Records that are inactive, in the trash or purged keep their rows, marked "
			+ "with their status now. ?format=csv or Accept: text/csv answers CSV (UTF-8, RFC 4180) that streams.")
	// Checked here as well as in the service: before the CSV content type is set, so a refusal is problem+json.
	@PreAuthorize("@permissions.require('report.view')")
	@GetMapping("/api/reports/{report:sales-by-customer|sales-by-item|sales-by-staff|purchases-by-supplier}")
	@Nullable ResponseEntity<ReportService.ReportView> report(@PathVariable String report,
			@Parameter(description = "first day, inclusive") @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "day after the last, exclusive") @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			HttpServletResponse response) throws IOException {
		Report chosen = Report.byPath(report);
		// Checked before the first byte is written: once rows stream, the status can no longer change.
		ReportPeriod period = ReportPeriod.of(from, to, clock);
		if (!wantsCsv(format, accept)) {
			return ResponseEntity.ok(reports.run(chosen, period));
		}
		reports.export(chosen, period,
				new CsvDownload(response, report + "-" + period.from() + "-" + period.to() + ".csv"));
		return null;
	}

	@Operation(operationId = "dormantCustomers",
			summary = "Active customers (never the walk-in one) with no sale since the date, or never: last sale, "
			+ "lifetime sales and open balance; in id order, keyset-paged. since defaults to a year ago.")
	@GetMapping("/api/reports/dormant-customers")
	ReportService.DormantPage dormant(
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate since,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		LocalDate start = since != null ? since : LocalDate.now(clock).minusYears(1);
		return reports.dormant(start, cursor, Page.limit(limit));
	}

	private static boolean wantsCsv(@Nullable String format, @Nullable String accept) {
		if (format != null) {
			return switch (format.toLowerCase(Locale.ROOT)) {
				case "csv" -> true;
				case "json" -> false;
				default -> throw ValidationFailed.of("format", "must be json or csv");
			};
		}
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
	}

}
