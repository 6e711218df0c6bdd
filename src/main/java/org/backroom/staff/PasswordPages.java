package org.backroom.staff;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.backroom.permission.Forbidden;
import org.backroom.web.FieldErrors;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's own password on a page: where someone whose password was reset is sent before anything else, and
 * where anyone may change theirs.
 */
@PageController
class PasswordPages {

	private final Passwords passwords;

	private final Validator validator;

	PasswordPages(Passwords passwords, Validator validator) {
		this.passwords = passwords;
		this.validator = validator;
	}

	@GetMapping(PasswordChangeGate.PAGE)
	String form(Model model) {
		return form(model, new FieldErrors());
	}

	@PostMapping(PasswordChangeGate.PAGE)
	String change(@RequestParam Map<String, String> values, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Passwords.Change change = new Passwords.Change(values.get("currentPassword"), values.get("newPassword"));
		FieldErrors errors = new FieldErrors().addAll(validator.validate(change));
		if (errors.isEmpty()) {
			try {
				passwords.changeOwn(signedIn(), change);
				redirect.addFlashAttribute("message", "Your password was changed.");
				return "redirect:/";
			}
			catch (ValidationFailed failed) {
				errors.addAll(failed);
			}
		}
		response.setStatus(422);
		return form(model, errors);
	}

	private static String form(Model model, FieldErrors errors) {
		model.addAttribute("errors", errors.getMap());
		model.addAttribute("required", signedIn().mustChangePassword());
		return "staff/password";
	}

	private static StaffPrincipal signedIn() {
		return StaffPrincipal.current().orElseThrow(() -> new Forbidden("Staff only", "Only a signed-in staff user has this."));
	}

}
