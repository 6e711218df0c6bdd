package org.backroom.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.backroom.permission.Forbidden;
import org.backroom.web.BoundForms;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's own password on a page: where someone whose password was reset is sent before anything else, and
 * where anyone may change theirs.
 */
@PageController
class PasswordPages {

	private final Passwords passwords;

	PasswordPages(Passwords passwords) {
		this.passwords = passwords;
	}

	@GetMapping(PasswordChangeGate.PAGE)
	String form(Model model) {
		model.addAttribute("change", new Passwords.Change(null, null));
		return page(model);
	}

	@PostMapping(PasswordChangeGate.PAGE)
	String change(@Valid @ModelAttribute("change") Passwords.Change change, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				passwords.changeOwn(signedIn(), change);
				redirect.addFlashAttribute("message", "Your password was changed.");
				return "redirect:/";
			}
			// Only a refused password is shown on the form; any other refusal (a throttle) gets its own answer.
			catch (ValidationFailed failed) {
				BoundForms.reject(result, failed);
			}
		}
		response.setStatus(422);
		return page(model);
	}

	private static String page(Model model) {
		model.addAttribute("required", signedIn().mustChangePassword());
		return "staff/password";
	}

	private static StaffPrincipal signedIn() {
		return StaffPrincipal.current().orElseThrow(() -> new Forbidden("Staff only", "Only a signed-in staff user has this."));
	}

}
