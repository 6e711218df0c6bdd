package org.backroom.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who made the change being recorded and where it came from: the signed-in user ({@code system} when nobody is,
 * as for the nightly purge), the request id that ties together every entry of one request, and the client address.
 * Outside an HTTP request the id and address are null.
 */
record Origin(String actor, @Nullable String requestId, @Nullable String address) {

	static final String SYSTEM = "system";

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final String REQUEST_ID_ATTRIBUTE = Origin.class.getName() + ".requestId";

	// A client's id is kept only when it is short and plain, so that it cannot smuggle anything into logs or CSV.
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

	static Origin current() {
		HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
				attributes ? attributes.getRequest() : null;
		return new Origin(signedIn(), request == null ? null : requestId(request),
				request == null ? null : request.getRemoteAddr());
	}

	/** The request's id: the client's {@code X-Request-Id} when well-formed, else a new UUID, the same all request. */
	static String requestId(HttpServletRequest request) {
		if (request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String known) {
			return known;
		}
		String sent = request.getHeader(REQUEST_ID_HEADER);
		String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
		request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
		return id;
	}

	private static String signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}

}
