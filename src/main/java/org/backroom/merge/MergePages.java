package org.backroom.merge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of merging, for customers, items and suppliers alike: the duplicate review, the merge dialog (the
 * records side by side, a choice per field, the preview), and unmerge from a merged record's Actions menu. The same
 * services and checks as the API; the kind is the first part of the path.
 */
@PageController
class MergePages {

	private final DuplicateService duplicates;

	private final MergeService merges;

	private final Unmerge unmerges;

	private final List<MergeKind> kinds;

	MergePages(DuplicateService duplicates, MergeService merges, Unmerge unmerges, List<MergeKind> kinds) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.unmerges = unmerges;
		this.kinds = kinds;
	}

	/** The kind a page is for, from the first part of its path: {@code /items/…}. */
	private MergeKind kind(HttpServletRequest request, Model model) {
		String path = request.getServletPath().split("/")[1];
		MergeKind kind = kinds.stream().filter(k -> k.path().equals(path)).findFirst().orElseThrow();
		model.addAttribute("kind", kind);
		return kind;
	}

	@GetMapping({ "/customers/duplicates", "/items/duplicates", "/suppliers/duplicates" })
	String review(@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("page", duplicates.find(kind(request, model), cursor, 25));
		return "merge/duplicates";
	}

	@PostMapping({ "/customers/duplicates/dismiss", "/items/duplicates/dismiss", "/suppliers/duplicates/dismiss" })
	String dismiss(@RequestParam long first, @RequestParam long second, @RequestParam(required = false) @Nullable String reason,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		MergeKind kind = kind(request, model);
		duplicates.dismiss(kind, List.of(first, second), reason);
		redirect.addFlashAttribute("message", capitalized(kind.path()) + " " + first + " and " + second
				+ " are not a duplicate: the pair is not proposed again.");
		return "redirect:/" + kind.path() + "/duplicates";
	}

	@GetMapping({ "/customers/{survivorId}/merge", "/items/{survivorId}/merge", "/suppliers/{survivorId}/merge" })
	String dialog(@PathVariable long survivorId, @RequestParam String duplicateIds, HttpServletRequest request,
			Model model) {
		MergeKind kind = kind(request, model);
		List<Long> ids = ids(duplicateIds);
		model.addAttribute("preview", merges.preview(kind, survivorId, ids));
		model.addAttribute("fields", kind.fields());
		model.addAttribute("duplicateIds", duplicateIds);
		return "merge/dialog";
	}

	@PostMapping({ "/customers/{survivorId}/merge", "/items/{survivorId}/merge", "/suppliers/{survivorId}/merge" })
	String merge(@PathVariable long survivorId, @RequestParam Map<String, String> form, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		MergeKind kind = kind(request, model);
		List<Long> ids = ids(form.getOrDefault("duplicateIds", ""));
		Map<String, Object> fields = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("field.")) {
				fields.put(name.substring("field.".length()), value);
			}
		});
		MergeService.Outcome outcome = merges.merge(kind, survivorId, new MergeRequest(ids, fields, form.get("reason")));
		redirect.addFlashAttribute("message", outcome.pending() != null
				? "The merge waits for approval: nothing changes until someone else approves it."
				: "Merged " + kind.name() + "(s) " + ids + " into this one.");
		return "redirect:/" + kind.path() + "/" + survivorId;
	}

	@GetMapping({ "/customers/{duplicateId}/unmerge", "/items/{duplicateId}/unmerge", "/suppliers/{duplicateId}/unmerge" })
	String unmergeDialog(@PathVariable long duplicateId, HttpServletRequest request, Model model) {
		kind(request, model);
		model.addAttribute("duplicateId", duplicateId);
		return Htmx.isPartial(request) ? "merge/unmerge :: dialog" : "merge/unmerge";
	}

	@PostMapping({ "/customers/{duplicateId}/unmerge", "/items/{duplicateId}/unmerge", "/suppliers/{duplicateId}/unmerge" })
	String unmerge(@PathVariable long duplicateId, @RequestParam(required = false) @Nullable String reason,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		MergeKind kind = kind(request, model);
		boolean waits = unmerges.unmerge(kind, duplicateId, reason).pending() != null;
		redirect.addFlashAttribute("message", waits
				? "The unmerge waits for approval: nothing changes until someone else approves it."
				: "The merge was undone: this " + kind.name() + " is back as it was.");
		return "redirect:/" + kind.path() + "/" + duplicateId;
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** The duplicates' ids as the dialog carries them, "12,15"; refused as a whole when one is not a number. */
	private static List<Long> ids(String duplicateIds) {
		try {
			return Arrays.stream(duplicateIds.split(",")).map(String::strip).filter(id -> !id.isEmpty())
				.map(Long::valueOf).toList();
		}
		catch (NumberFormatException ex) {
			throw ValidationFailed.of("duplicateIds", "must be ids separated by commas, such as 12,15");
		}
	}

}
