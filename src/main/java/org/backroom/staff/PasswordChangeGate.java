package org.backroom.staff;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.ProblemResponses;

import org.springframework.http.HttpStatus;

/**
 * Holds back a user whose password someone else set until they choose their own: the API answers 403
 * {@code password-change-required} to everything but {@code POST /api/me/password}; pages send them to the
 * change-password page.
 */
final class PasswordChangeGate {

	static final String PAGE = "/me/password";

	private static final Set<String> OPEN_PREFIXES = Set.of("/css/", "/js/", "/webjars/");

	private static final Set<String> OPEN_PAGES = Set.of(PAGE, "/login", "/logout", "/favicon.ico", "/error");

	private PasswordChangeGate() {
	}

	/** Answers the request when the user must change their password first; true when it did. */
	static boolean heldBack(StaffPrincipal user, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!user.mustChangePassword() || open(request)) {
			return false;
		}
		if (request.getServletPath().startsWith("/api/")) {
			ProblemResponses.write(response, HttpStatus.FORBIDDEN, "password-change-required", "Choose a new password",
					"Your password was set by someone else; choose your own first with POST /api/me/password"
							+ " {\"currentPassword\", \"newPassword\"}.");
		}
		else {
			response.sendRedirect(PAGE);
		}
		return true;
	}

	private static boolean open(HttpServletRequest request) {
		String path = request.getServletPath();
		if (path.startsWith("/api/")) {
			return "POST".equals(request.getMethod()) && "/api/me/password".equals(path);
		}
		return OPEN_PAGES.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

}
