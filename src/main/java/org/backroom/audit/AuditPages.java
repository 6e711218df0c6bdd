package org.backroom.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.BoundForms;
import org.backroom.web.Page;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail as a page: the same filters, paging and export as {@code /api/audit}, parsed by the same
 * {@link AuditFilter}, and the chain's verification loaded after the page (it reads every entry).
 */
@PageController
class AuditPages {

	private static final String[] FILTERS = { "actor", "action", "recordKind", "recordId", "from", "to" };

	private final AuditTrail audit;

	private final AuditCheckpoints checkpoints;

	private final BoundForms forms;

	AuditPages(AuditTrail audit, AuditCheckpoints checkpoints, BoundForms forms) {
		this.audit = audit;
		this.checkpoints = checkpoints;
		this.forms = forms;
	}

	/** The trail's filters as typed, stripped; the record id is bound as a number, the rest read by AuditFilter. */
	record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String recordKind,
			@Nullable Long recordId, @Nullable String from, @Nullable String to) {

		AuditQuery {
			actor = stripped(actor);
			action = stripped(action);
			recordKind = stripped(recordKind);
			from = stripped(from);
			to = stripped(to);
		}

		private static String stripped(@Nullable String text) {
			return text == null ? "" : text.strip();
		}

	}

	@GetMapping("/audit")
	@PreAuthorize("@permissions.require('audit.view')")
	String trail(@ModelAttribute("query") AuditQuery query, BindingResult result,
			@RequestParam(required = false) @Nullable String cursor, Model model, HttpServletResponse response) {
		Page<AuditEntry> page = new Page<>(List.of(), null);
		if (!result.hasErrors()) {
			try {
				page = audit.find(AuditFilter.parse(query.actor(), query.action(), query.recordKind(),
						query.recordId(), query.from(), query.to()), cursor, 50);
			}
			catch (ValidationFailed failed) {
				BoundForms.rejectNamed(result, failed);
			}
		}
		if (result.hasErrors()) {
			response.setStatus(422);
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : FILTERS) {
			Object value = result.getFieldValue(name);
			values.put(name, value == null ? "" : value.toString().strip());
		}
		model.addAttribute("values", values);
		model.addAttribute("errors", forms.byField(result));
		model.addAttribute("page", page);
		model.addAttribute("export", withFilters("/api/audit/export", values).build().toUriString());
		model.addAttribute("next", page.nextCursor() == null ? null
				: withFilters("/audit", values).queryParam("cursor", page.nextCursor()).build().toUriString());
		return "audit/trail";
	}

	/** One record's audit timeline, oldest first, as a fragment its page loads once it is shown. */
	@GetMapping("/audit/timeline")
	@PreAuthorize("@permissions.require('audit.view')")
	String timeline(@RequestParam String recordKind, @RequestParam long recordId, Model model) {
		model.addAttribute("entries", audit.history(recordKind, recordId, null, 100).items());
		return "audit/timeline :: entries";
	}

	/**
	 * The verification, as a fragment the trail page loads once it is shown: with a checkpoint of the chain now to
	 * keep elsewhere, and, when one is given back in {@code since}, whether the chain still extends it.
	 */
	@GetMapping("/audit/verify")
	@PreAuthorize("@permissions.require('audit.view')")
	String verify(@RequestParam(required = false) @Nullable String since, Model model) {
		Verification verification = audit.verify();
		String problem = null;
		try {
			Checkpoint given = CheckpointInput.of(since, null, null, null, null);
			if (given != null) {
				verification = verification.against(checkpoints.check(given));
			}
		}
		catch (ValidationFailed failed) {
			problem = "That is not a checkpoint: paste the JSON that a checkpoint showed.";
		}
		model.addAttribute("verification", verification);
		model.addAttribute("checkpoint", checkpoints.current().json());
		model.addAttribute("since", since == null ? "" : since);
		model.addAttribute("sinceProblem", problem);
		return "audit/trail :: verification";
	}

	private static UriComponentsBuilder withFilters(String path, Map<String, String> values) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		values.forEach((name, value) -> {
			if (!value.isEmpty()) {
				uri.queryParam(name, value);
			}
		});
		return uri.encode();
	}

}
