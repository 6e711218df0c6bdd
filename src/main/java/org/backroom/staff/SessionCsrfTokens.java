package org.backroom.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the session, as Spring Security does, except that a change request arriving without a session
 * never creates one to keep a token in: such a request is refused (it has no token to match), and a stranger's
 * forged or anonymous POSTs would otherwise leave a session row in the database for each attempt.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return sessions.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		if (token != null && change && request.getSession(false) == null) {
			return;
		}
		sessions.saveToken(token, request, response);
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return sessions.loadToken(request);
	}

}
