package org.backroom.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.lifecycle.Reason;
import org.backroom.permission.Permissions;
import org.backroom.web.BoundForms;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Bulk jobs as pages: the preview (how many, which are skipped and why), start with a reason, follow the progress
 * (the page polls itself while the job is not finished) and undo. Every step is {@link BulkJobService}'s, as in
 * the API.
 */
@PageController
class BulkPages {

	private static final int RECORDS_SHOWN = 100;

	private final BulkJobService jobs;

	private final Permissions permissions;

	private final BoundForms forms;

	private final BulkProposalService proposals;

	BulkPages(BulkJobService jobs, Permissions permissions, BoundForms forms, BulkProposalService proposals) {
		this.proposals = proposals;
		this.jobs = jobs;
		this.permissions = permissions;
		this.forms = forms;
	}

	/** Which records, as the review's form sends them: ticked ids, or everything dormant since the day. */
	record Choice(String recordKind, String action, List<Long> ids, @Nullable LocalDate dormantSince) {

		Choice(@Nullable String recordKind, @Nullable String action, @Nullable List<Long> ids,
				@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate dormantSince) {
			this.recordKind = recordKind == null ? "customer" : recordKind;
			this.action = action == null ? "deactivate" : action;
			this.ids = ids == null ? List.of() : List.copyOf(ids);
			this.dormantSince = dormantSince;
		}

		/** The request; without ids it needs the day, refused like any unreadable one when it is missing. */
		BulkRequest request(@Nullable Instant asOf, @Nullable String reason) {
			if (ids.isEmpty() && dormantSince == null) {
				throw ValidationFailed.of("dormantSince", DATE);
			}
			return new BulkRequest(recordKind, action, ids.isEmpty() ? null : ids, ids.isEmpty() ? dormantSince : null,
					null, asOf, reason);
		}

	}

	private static final String DATE = "must be a date, such as 2025-01-31";

	/**
	 * The choice could not be read (a tampered id or day; the form only carries what the review showed): refused as
	 * the review's own refusal of a missing day, before anything is previewed or started.
	 */
	private static void requireReadable(BindingResult choice) {
		if (choice.hasErrors()) {
			throw new ValidationFailed(choice.getFieldErrors()
				.stream()
				.map(error -> new ValidationFailed.FieldError(error.getField(),
						error.getField().equals("dormantSince") ? DATE : "is not a valid value"))
				.toList());
		}
	}

	/** Starting the previewed job: the moment the preview was taken and why the job is run. */
	record Start(@Nullable Instant asOf, @Nullable String reason) {
	}

	/** Undoing a job, or starting or discarding a proposal: why. */
	record Undo(@Nullable String reason) {
	}

	@PostMapping("/bulk-jobs/preview")
	String preview(@ModelAttribute("choice") Choice choice, BindingResult read, Model model) {
		requireReadable(read);
		return preview(choice, "", Map.of(), model);
	}

	@PostMapping("/bulk-jobs")
	String start(@ModelAttribute("choice") Choice choice, BindingResult read, @ModelAttribute("start") Start start,
			BindingResult result, Model model, HttpServletResponse response) {
		requireReadable(read);
		String reason = start.reason() == null ? "" : start.reason();
		if (!result.hasErrors()) {
			try {
				return "redirect:/bulk-jobs/" + jobs.start(choice.request(start.asOf(), reason)).id();
			}
			catch (ValidationFailed failed) {
				BoundForms.rejectNamed(result, failed);
			}
		}
		response.setStatus(422);
		return preview(choice, reason, forms.byField(result), model);
	}

	@GetMapping("/bulk-jobs/{id}")
	String job(@PathVariable long id, HttpServletRequest request, Model model) {
		show(jobs.get(id), model);
		return Htmx.isPartial(request) ? "bulk/job :: job" : "bulk/job";
	}

	@PostMapping("/bulk-jobs/{id}/undo")
	String undo(@PathVariable long id, @ModelAttribute("undo") Undo undo, BindingResult result, Model model,
			HttpServletResponse response) {
		return act(id, undo, result, model, response, jobs::undo);
	}

	@PostMapping("/bulk-jobs/{id}/start")
	String startProposed(@PathVariable long id, @ModelAttribute("undo") Undo form, BindingResult result, Model model,
			HttpServletResponse response) {
		return act(id, form, result, model, response, proposals::start);
	}

	@PostMapping("/bulk-jobs/{id}/discard")
	String discard(@PathVariable long id, @ModelAttribute("undo") Undo form, BindingResult result, Model model,
			HttpServletResponse response) {
		return act(id, form, result, model, response, proposals::discard);
	}

	/** Undo, start or discard with the reason given: then the job it leaves, or the page again with why not. */
	private String act(long id, Undo form, BindingResult result, Model model, HttpServletResponse response,
			BiFunction<Long, String, BulkJob> action) {
		String reason = form.reason() == null ? "" : form.reason();
		try {
			return "redirect:/bulk-jobs/" + action.apply(id, Reason.require(reason)).id();
		}
		catch (ValidationFailed failed) {
			response.setStatus(422);
			BoundForms.rejectNamed(result, failed);
			model.addAttribute("errors", forms.byField(result));
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal.getMessage());
		}
		model.addAttribute("reason", reason);
		show(jobs.get(id), model);
		return "bulk/job";
	}

	private String preview(Choice choice, String reason, Map<String, String> errors, Model model) {
		model.addAttribute("choice", choice);
		model.addAttribute("preview", jobs.preview(choice.request(null, null)));
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "bulk/preview";
	}

	private void show(BulkJob job, Model model) {
		int finished = job.done() + job.skipped() + job.failed();
		boolean undoable = job.status() == BulkJobStatus.DONE && job.undoOf() == null
				&& BulkAction.valueOf(job.action().toUpperCase(Locale.ROOT)).cleansUp() && permissions.has("bulk.run");
		model.addAttribute("job", job);
		model.addAttribute("percent", job.total() == 0 ? 100 : finished * 100 / job.total());
		model.addAttribute("polling", job.status().unfinished());
		model.addAttribute("undoable", undoable);
		boolean proposed = job.status() == BulkJobStatus.PROPOSED;
		model.addAttribute("proposed", proposed && permissions.has("bulk.run"));
		// What a proposal would do, record by record; a page's worth, the rest through the API.
		model.addAttribute("records", proposed ? proposals.records(job.id(), 0, RECORDS_SHOWN) : List.of());
		model.addAttribute("errors", model.getAttribute("errors") == null ? Map.of() : model.getAttribute("errors"));
		model.addAttribute("reason", model.getAttribute("reason") == null ? "" : model.getAttribute("reason"));
	}

}
