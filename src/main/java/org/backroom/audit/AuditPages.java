package org.backroom.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.FieldErrors;
import org.backroom.web.Page;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
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

	AuditPages(AuditTrail audit, AuditCheckpoints checkpoints) {
		this.audit = audit;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/audit")
	@PreAuthorize("@permissions.require('audit.view')")
	String trail(@RequestParam Map<String, String> params, @RequestParam(required = false) @Nullable String cursor,
			Model model, HttpServletResponse response) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : FILTERS) {
			values.put(name, params.getOrDefault(name, "").strip());
		}
		FieldErrors errors = new FieldErrors();
		Page<AuditEntry> page = new Page<>(List.of(), null);
		try {
			AuditFilter filter = AuditFilter.parse(values.get("actor"), values.get("action"), values.get("recordKind"),
					recordId(values.get("recordId")), values.get("from"), values.get("to"));
			page = audit.find(filter, cursor, 50);
		}
		catch (ValidationFailed failed) {
			errors.addAll(failed);
			response.setStatus(422);
		}
		model.addAttribute("values", values);
		model.addAttribute("errors", errors.getMap());
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

	private static @Nullable Long recordId(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw ValidationFailed.of("recordId", "must be a whole number, such as 42");
		}
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
