package org.backroom.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form. Spring Security checks what it posts; signing out is a POST to {@code /logout}. What the form
 * says after a failure (the user name typed, how long to wait) is kept in the session for the next showing only;
 * the page shows nothing from its address, so no link can make it say anything.
 */
@PageController
class SignInPages {

	private static final String PREFIX = "org.backroom.sign-in.";

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		if (StaffPrincipal.current().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("username", take(request, "username"));
		model.addAttribute("retryAfter", take(request, "retryAfter"));
		return "staff/login";
	}

	/** Keeps something for the next showing of the form, in the session that the form's CSRF token lives in. */
	static void remember(HttpServletRequest request, String name, Object value) {
		request.getSession().setAttribute(PREFIX + name, value);
	}

	private static @Nullable Object take(HttpServletRequest request, String name) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object value = session.getAttribute(PREFIX + name);
		session.removeAttribute(PREFIX + name);
		return value;
	}

}
