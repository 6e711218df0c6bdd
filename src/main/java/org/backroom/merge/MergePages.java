package org.backroom.merge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.customer.CustomerMerging;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of merging: the duplicate review, the merge dialog (the records side by side, a choice per field, the
 * preview), and unmerge from a merged customer's Actions menu. The same services and checks as the API.
 */
@PageController
class MergePages {

	private final DuplicateService duplicates;

	private final CustomerMergeService merges;

	private final CustomerUnmerge unmerges;

	MergePages(DuplicateService duplicates, CustomerMergeService merges, CustomerUnmerge unmerges) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.unmerges = unmerges;
	}

	@GetMapping("/customers/duplicates")
	String review(@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", duplicates.find(cursor, 25));
		return "merge/duplicates";
	}

	@PostMapping("/customers/duplicates/dismiss")
	String dismiss(@RequestParam long first, @RequestParam long second, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		duplicates.dismiss(List.of(first, second), reason);
		redirect.addFlashAttribute("message", "Customers " + first + " and " + second + " are not a duplicate: the pair"
				+ " is not proposed again.");
		return "redirect:/customers/duplicates";
	}

	@GetMapping("/customers/{survivorId}/merge")
	String dialog(@PathVariable long survivorId, @RequestParam String duplicateIds, Model model) {
		List<Long> ids = Arrays.stream(duplicateIds.split(",")).map(String::strip).map(Long::valueOf).toList();
		model.addAttribute("preview", merges.preview(survivorId, ids));
		model.addAttribute("fields", CustomerMerging.FIELDS);
		model.addAttribute("duplicateIds", duplicateIds);
		return "merge/dialog";
	}

	@PostMapping("/customers/{survivorId}/merge")
	String merge(@PathVariable long survivorId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		List<Long> ids = Arrays.stream(form.getOrDefault("duplicateIds", "").split(","))
			.filter(id -> !id.isBlank())
			.map(String::strip)
			.map(Long::valueOf)
			.toList();
		Map<String, Object> fields = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("field.")) {
				fields.put(name.substring("field.".length()), value);
			}
		});
		CustomerMergeService.Outcome outcome = merges.merge(survivorId, new MergeRequest(ids, fields, form.get("reason")));
		redirect.addFlashAttribute("message", outcome.pending() != null
				? "The merge waits for approval: nothing changes until someone else approves it."
				: "Merged customer(s) " + ids + " into this one.");
		return "redirect:/customers/" + survivorId;
	}

	@GetMapping("/customers/{duplicateId}/unmerge")
	String unmergeDialog(@PathVariable long duplicateId, HttpServletRequest request, Model model) {
		model.addAttribute("duplicateId", duplicateId);
		return Htmx.isPartial(request) ? "merge/unmerge :: dialog" : "merge/unmerge";
	}

	@PostMapping("/customers/{duplicateId}/unmerge")
	String unmerge(@PathVariable long duplicateId, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		boolean waits = unmerges.unmerge(duplicateId, reason).pending() != null;
		redirect.addFlashAttribute("message", waits
				? "The unmerge waits for approval: nothing changes until someone else approves it."
				: "The merge was undone: this customer is back as it was.");
		return "redirect:/customers/" + duplicateId;
	}

}
