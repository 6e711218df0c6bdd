package org.backroom.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.backroom.web.DatabaseOutage;
import org.backroom.web.ProblemResponses;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The filters that make sign-in safe; the security configuration places each in the chain. */
@Component
class SignInFilters {

	/** Set on a request whose user was just read by its API token, so that it is not read twice. */
	private static final String READ_FRESH = SignInFilters.class.getName() + ".readFresh";

	private final SignInDirectory directory;

	private final SignInThrottle throttle;

	SignInFilters(SignInDirectory directory, SignInThrottle throttle) {
		this.directory = directory;
		this.throttle = throttle;
	}

	/**
	 * Refuses sign-in attempts (form or HTTP Basic) while their user name from this address, or the address, is
	 * throttled: 429. Holds an attempt of a user name that failed very often for a moment first.
	 */
	public OncePerRequestFilter throttle() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String username = attemptedUsername(request);
				if (username == null) {
					chain.doFilter(request, response);
					return;
				}
				Optional<Duration> wait = throttle.wait(username, request.getRemoteAddr());
				if (wait.isPresent()) {
					refuse(request, response, Math.max(1, wait.get().toSeconds()));
					return;
				}
				holdFor(throttle.delay(username));
				chain.doFilter(request, response);
			}
		};
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long seconds)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			// The sign-in form: say it on the form, not in JSON the browser would show raw. The wait travels in the
			// session, never in the address, so the page shows nothing a link could put there.
			SignInPages.remember(request, "retryAfter", seconds);
			response.sendRedirect("/login?throttled");
			return;
		}
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed sign-ins",
				"Too many failed sign-ins for this user from this address, or from this address; try again in "
						+ seconds + " seconds.");
	}

	/** A pause, not a refusal: the owner still gets in, a guesser gets fewer guesses a second. */
	private static void holdFor(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Back to the form, keeping the user name that was typed (never the password), and nothing in the address. */
	public AuthenticationFailureHandler formFailure() {
		return (request, response, exception) -> {
			DatabaseOutage.rethrowIfOutage(exception);
			String username = request.getParameter("username");
			if (username != null) {
				SignInPages.remember(request, "username", username.length() > 200 ? username.substring(0, 200) : username);
			}
			response.sendRedirect("/login?error");
		};
	}

	/** Signs in a request that carries {@code Authorization: Bearer <token>}; an unknown or revoked token is a 401. */
	public OncePerRequestFilter bearerTokens() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String header = request.getHeader(HttpHeaders.AUTHORIZATION);
				if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
					Optional<StaffPrincipal> principal = directory.byToken(header.substring(7).strip());
					if (principal.isEmpty()) {
						ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
								"This API token is unknown, revoked, or belongs to an inactive user.");
						return;
					}
					signIn(principal.get());
					request.setAttribute(READ_FRESH, Boolean.TRUE);
				}
				chain.doFilter(request, response);
			}
		};
	}

	/**
	 * Reloads the signed-in user on every request, so that a deactivation ends their sessions and tokens at once and
	 * a role change applies at the next request. A session opened before a password reset ends too: the staff row's
	 * credentials version has moved past the one the session signed in with. And someone whose password was reset
	 * is held at the change-password step ({@link PasswordChangeGate}).
	 */
	public OncePerRequestFilter freshPermissions() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal signedIn) {
					// A token's user was read from the database a moment ago, in this request, and signed in then.
					boolean readFresh = request.getAttribute(READ_FRESH) != null;
					Optional<StaffPrincipal> now = (readFresh ? Optional.of(signedIn) : directory.byId(signedIn.id()))
						.filter(StaffPrincipal::active)
						.filter(current -> current.credentialsVersion() == signedIn.credentialsVersion());
					if (now.isEmpty()) {
						signOut(request);
					}
					else if (PasswordChangeGate.heldBack(now.get(), request, response)) {
						return;
					}
					else if (!readFresh) {
						signIn(now.get());
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	private static void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private static void signIn(StaffPrincipal principal) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.withoutPassword(), null,
				principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
	}

	/** The user name a request tries to sign in with, if it is a sign-in attempt. */
	static @Nullable String attemptedUsername(HttpServletRequest request) {
		if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			return request.getParameter("username");
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

}
