package org.backroom.staff;

import org.backroom.web.PageController;

import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form. Spring Security checks what it posts; signing out is a POST to {@code /logout}. */
@PageController
class SignInPages {

	@GetMapping("/login")
	String login() {
		return StaffPrincipal.current().isPresent() ? "redirect:/" : "staff/login";
	}

}
