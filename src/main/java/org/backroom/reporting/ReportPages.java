package org.backroom.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.permission.Permissions;
import org.backroom.web.BoundForms;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final BoundForms forms;

	private final Clock clock = Clock.systemUTC();

	/**
	 * The rows a report's page shows, the largest first; the CSV has them all, and the total counts them all. A
	 * month of sales by customer at a million customers is 84,000 rows: as one page, 30 MB of HTML that took 3 s to
	 * write and more to draw.
	 */
	static final int SHOWN = 500;

	ReportPages(ReportService reports, Permissions permissions, BoundForms forms) {
		this.reports = reports;
		this.permissions = permissions;
		this.forms = forms;
	}

	/** The report page's query: which report and the period, as dates in ISO form. */
	record ReportQuery(@Nullable String report, @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to) {

		/** The report asked for; sales by customer when none or an unknown one is. */
		Report chosen() {
			String path = report == null ? "sales-by-customer" : report;
			return Arrays.stream(Report.values())
				.filter(r -> r.path().equals(path))
				.findFirst()
				.orElse(Report.SALES_BY_CUSTOMER);
		}

	}

	/** What the page shows: the report's rows (none when the query was refused) and the period as it was run. */
	private record Shown(ReportService.@Nullable ReportView view, @Nullable LocalDate from, @Nullable LocalDate to) {
	}

	/** The dormant review's query: the day since which a customer made no sale. */
	record DormantQuery(@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate since) {
	}

	@GetMapping("/reports")
	String report(@ModelAttribute("query") ReportQuery query, BindingResult result, Model model,
			HttpServletResponse response) {
		Report chosen = query.chosen();
		Shown shown = result.hasErrors() ? new Shown(null, query.from(), query.to()) : run(chosen, query, result);
		if (result.hasErrors()) {
			response.setStatus(422);
		}
		model.addAttribute("report", chosen.path());
		model.addAttribute("reports", Arrays.stream(Report.values()).map(Report::path).toList());
		model.addAttribute("from", typed(result, "from", shown.from()));
		model.addAttribute("to", typed(result, "to", shown.to()));
		model.addAttribute("errors", forms.byField(result));
		model.addAttribute("view", shown.view());
		List<ReportRow> rows = shown.view() == null ? List.of() : shown.view().rows();
		model.addAttribute("rows", rows.subList(0, Math.min(SHOWN, rows.size())));
		model.addAttribute("rowCount", rows.size());
		model.addAttribute("highest", shown.view() == null ? BigDecimal.ONE : highest(shown.view()));
		return "reporting/report";
	}

	/** The report over the query's period, or, when the period is refused, nothing and the refusal in the result. */
	private Shown run(Report chosen, ReportQuery query, BindingResult result) {
		LocalDate start = query.from();
		LocalDate end = query.to();
		if (start == null && end == null) {
			// The page opens on the last 30 days, today included: on the first of a month "this month" is one
			// empty morning. The API keeps its own default, the current month.
			end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
			start = end.minusDays(30);
		}
		try {
			ReportPeriod period = ReportPeriod.of(start, end, clock);
			return new Shown(reports.run(chosen, period), period.from(), period.to());
		}
		catch (ValidationFailed failed) {
			BoundForms.rejectNamed(result, failed);
			return new Shown(null, start, end);
		}
	}

	private static BigDecimal highest(ReportService.ReportView view) {
		return view.rows()
			.stream()
			.map(ReportRow::total)
			.filter(total -> total.signum() > 0)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE);
	}

	/** Active customers with no sale since the day; those with bulk.run can take them to a bulk deactivation. */
	@GetMapping("/reports/dormant-customers")
	String dormant(@ModelAttribute("query") DormantQuery query, BindingResult result,
			@RequestParam(required = false) @Nullable String cursor, Model model, HttpServletResponse response) {
		LocalDate start = query.since() != null ? query.since() : LocalDate.now(clock).minusYears(1);
		model.addAttribute("since", typed(result, "since", start));
		model.addAttribute("errors", forms.byField(result));
		model.addAttribute("page", result.hasErrors() ? null : reports.dormant(start, cursor, 100));
		model.addAttribute("canRun", permissions.has("bulk.run") && permissions.has("customer.deactivate"));
		if (result.hasErrors()) {
			response.setStatus(422);
		}
		return "reporting/dormant";
	}

	/** What the field shows: the text as typed when it could not be read, else the day in use (or nothing). */
	private static String typed(BindingResult result, String field, @Nullable LocalDate day) {
		FieldError error = result.getFieldError(field);
		if (error != null && error.isBindingFailure()) {
			return String.valueOf(error.getRejectedValue());
		}
		return day == null ? "" : day.toString();
	}

}
