package org.backroom.approval;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.lifecycle.Reason;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.RecordNames;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals inbox: pending requests with approve and reject, each with a reason. Those who do not decide see
 * their own requests, as the API shows them.
 */
@PageController
class ApprovalPages {

	private final ApprovalService approvals;

	private final RecordKinds kinds;

	private final RecordNames names;

	ApprovalPages(ApprovalService approvals, RecordKinds kinds, RecordNames names) {
		this.approvals = approvals;
		this.kinds = kinds;
		this.names = names;
	}

	@GetMapping("/approvals")
	String inbox(@RequestParam(defaultValue = "pending") String status,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("page", approvals.list(status, cursor, 50));
		model.addAttribute("kinds", kinds);
		// Requests of a feature's own action (a merge, a bulk job) name no record kind with a page of its own.
		model.addAttribute("kindNames", kinds.all().stream().map(RecordKind::name).toList());
		model.addAttribute("names", names);
		return "approval/inbox";
	}

	/** The dashboard's approvals panel: how many requests wait for a decision (100 means "100 or more"). */
	@GetMapping("/approvals/pending-count")
	@PreAuthorize("@permissions.require('approval.decide')")
	String pendingCount(Model model) {
		model.addAttribute("pending", approvals.list("pending", null, 100).items().size());
		return "approval/inbox :: count";
	}

	@PostMapping("/approvals/{id}/{decision:approve|reject}")
	String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(defaultValue = "") String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			String why = Reason.require(reason);
			ApprovalRequest request = decision.equals("approve") ? approvals.approve(id, why) : approvals.reject(id, why);
			redirect.addFlashAttribute("message", "Request " + request.id() + " (" + request.action() + ") was "
					+ request.status().word() + ".");
			return "redirect:/approvals";
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal.getMessage());
			model.addAttribute("failedId", id);
			model.addAttribute("reason", reason);
			return inbox("pending", null, model);
		}
	}

}
