package org.backroom.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.permission.Permissions;
import org.backroom.web.FieldErrors;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports as pages, each a table with a bar per row, and the dormant-customer review that leads to a bulk
 * deactivation. The period rules are {@link ReportPeriod}'s and the numbers {@link ReportService}'s, as in the API.
 */
@PageController
class ReportPages {

	private final ReportService reports;

	private final Permissions permissions;

	private final Clock clock = Clock.systemUTC();

	ReportPages(ReportService reports, Permissions permissions) {
		this.reports = reports;
		this.permissions = permissions;
	}

	@GetMapping("/reports")
	String report(@RequestParam(defaultValue = "sales-by-customer") String report,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model,
			HttpServletResponse response) {
		Report chosen = Arrays.stream(Report.values())
			.filter(r -> r.path().equals(report))
			.findFirst()
			.orElse(Report.SALES_BY_CUSTOMER);
		FieldErrors errors = new FieldErrors();
		LocalDate start = date("from", from, errors);
		LocalDate end = date("to", to, errors);
		if (start == null && end == null && errors.isEmpty()) {
			// The page opens on the last 30 days, today included: on the first of a month "this month" is one
			// empty morning. The API keeps its own default, the current month.
			end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
			start = end.minusDays(30);
		}
		ReportService.ReportView view = null;
		if (errors.isEmpty()) {
			try {
				ReportPeriod period = ReportPeriod.of(start, end, clock);
				view = reports.run(chosen, period);
				from = period.from().toString();
				to = period.to().toString();
			}
			catch (ValidationFailed failed) {
				errors.addAll(failed);
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(422);
		}
		model.addAttribute("report", chosen.path());
		model.addAttribute("reports", Arrays.stream(Report.values()).map(Report::path).toList());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("view", view);
		model.addAttribute("highest", view == null ? BigDecimal.ONE : view.rows()
			.stream()
			.map(ReportRow::total)
			.filter(total -> total.signum() > 0)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE));
		return "reporting/report";
	}

	/** Active customers with no sale since the day; those with bulk.run can take them to a bulk deactivation. */
	@GetMapping("/reports/dormant-customers")
	String dormant(@RequestParam(defaultValue = "") String since, @RequestParam(required = false) @Nullable String cursor,
			Model model, HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		LocalDate day = date("since", since, errors);
		LocalDate start = day != null ? day : LocalDate.now(clock).minusYears(1);
		model.addAttribute("since", errors.isEmpty() ? start.toString() : since);
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("page", errors.isEmpty() ? reports.dormant(start, cursor, 100) : null);
		model.addAttribute("canRun", permissions.has("bulk.run") && permissions.has("customer.deactivate"));
		if (!errors.isEmpty()) {
			response.setStatus(422);
		}
		return "reporting/dormant";
	}

	private static @Nullable LocalDate date(String field, String text, FieldErrors errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(field, "must be a date, such as 2025-01-31");
			return null;
		}
	}

}
