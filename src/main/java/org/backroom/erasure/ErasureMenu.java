package org.backroom.erasure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.backroom.permission.Permissions;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts "Erase…" into the Actions menu and the privacy panel onto a customer's or staff member's page, for those who
 * may erase or export, without the record pages knowing about erasure. Pages only: applied to every controller, it
 * ran its two model methods on every API request too, for a model nobody renders.
 */
@ControllerAdvice(annotations = PageController.class)
class ErasureMenu {

	private static final Pattern RECORD_PAGE = Pattern.compile("/(customers|staff)/(\\d+)");

	private final Permissions permissions;

	ErasureMenu(Permissions permissions) {
		this.permissions = permissions;
	}

	/** The erase dialog's address on a record page, when the user may erase. */
	@ModelAttribute("eraseHref")
	@Nullable String eraseHref(HttpServletRequest request) {
		Matcher page = RECORD_PAGE.matcher(request.getRequestURI());
		return page.matches() && "GET".equals(request.getMethod()) && permissions.has("privacy.erase")
				? request.getRequestURI() + "/erase" : null;
	}

	/** The privacy panel's address on a record page, when the user may erase or export. */
	@ModelAttribute("privacyHref")
	@Nullable String privacyHref(HttpServletRequest request) {
		Matcher page = RECORD_PAGE.matcher(request.getRequestURI());
		return page.matches() && "GET".equals(request.getMethod())
				&& (permissions.has("privacy.erase") || permissions.has("privacy.export"))
				? request.getRequestURI() + "/privacy" : null;
	}

}
