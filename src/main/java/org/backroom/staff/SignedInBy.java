package org.backroom.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a request's sign-in comes from: a request with an {@code Authorization} header is signed in by that header
 * alone (HTTP Basic or an API token, checked on this request) and neither reads nor creates a session; every other
 * request by its session. So a session cookie never signs in a request that skips the CSRF check, which only
 * requests carrying credentials of their own do ({@link #OWN_CREDENTIALS}).
 */
final class SignedInBy implements SecurityContextRepository {

	/** Any Authorization header: the request speaks for itself, the session stays out of it. */
	static final RequestMatcher AUTHORIZATION_HEADER = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;

	/**
	 * Well-formed Basic or Bearer credentials, which the Basic and token filters check on this very request; a
	 * forged cross-site request cannot carry them, so these need no CSRF token.
	 */
	static final RequestMatcher OWN_CREDENTIALS = request -> {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && (scheme(header, "Basic ") || scheme(header, "Bearer "))
				&& !header.substring(header.indexOf(' ')).isBlank();
	};

	private final SecurityContextRepository stateless = new RequestAttributeSecurityContextRepository();

	private final SecurityContextRepository session = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private SecurityContextRepository of(HttpServletRequest request) {
		return AUTHORIZATION_HEADER.matches(request) ? stateless : session;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return of(request).loadDeferredContext(request);
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return of(holder.getRequest()).loadContext(holder);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		of(request).saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return of(request).containsContext(request);
	}

	private static boolean scheme(String header, String scheme) {
		return header.regionMatches(true, 0, scheme, 0, scheme.length());
	}

}
