package org.backroom.erasure;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.approval.ApprovalRequest;
import org.backroom.lifecycle.Reason;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The erase dialog (its preview lists exactly what will be blanked), and the privacy panel of a customer's or staff
 * member's page: the legal hold, set and released, and the personal-data download.
 */
@PageController
@RequestMapping("/{kind:customers|staff}/{id}")
class ErasurePages {

	private final ErasureService erasure;

	ErasurePages(ErasureService erasure) {
		this.erasure = erasure;
	}

	@GetMapping("/erase")
	String dialog(@PathVariable String kind, @PathVariable long id, Model model) {
		model.addAttribute("p", erasure.preview(kind, id));
		model.addAttribute("back", "/" + kind + "/" + id);
		model.addAttribute("reason", "");
		return "erasure/erase";
	}

	@PostMapping("/erase")
	String erase(@PathVariable String kind, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			Object result = erasure.erase(kind, id, Reason.require(reason));
			redirect.addFlashAttribute("message", result instanceof ApprovalRequest
					? "Request sent: the erasure waits for another person's approval; nothing has changed yet."
					: "Erased: the personal data is gone; every order and figure stays.");
			return "redirect:/" + kind + "/" + id;
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("p", erasure.preview(kind, id));
			model.addAttribute("back", "/" + kind + "/" + id);
			model.addAttribute("error", refusal.getMessage());
			model.addAttribute("reason", reason);
			return "erasure/erase";
		}
	}

	/** The privacy panel, loaded into the record page. */
	@GetMapping("/privacy")
	String panel(@PathVariable String kind, @PathVariable long id, Model model) {
		model.addAttribute("p", erasure.preview(kind, id));
		model.addAttribute("base", "/" + kind + "/" + id);
		model.addAttribute("api", "/api/" + kind + "/" + id);
		return "erasure/panel :: panel";
	}

	@PostMapping("/legal-hold")
	String hold(@PathVariable String kind, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(kind, id, redirect, () -> erasure.hold(kind, id, Reason.require(reason)), "Legal hold set.");
	}

	@PostMapping("/legal-hold/release")
	String release(@PathVariable String kind, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return act(kind, id, redirect, () -> erasure.release(kind, id, Reason.require(reason)), "Legal hold released.");
	}

	private static String act(String kind, long id, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (Refusal refusal) {
			redirect.addFlashAttribute("message", refusal.getMessage());
		}
		return "redirect:/" + kind + "/" + id;
	}

}
