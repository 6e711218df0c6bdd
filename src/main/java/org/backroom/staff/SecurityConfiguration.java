package org.backroom.staff;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.DatabaseOutage;
import org.backroom.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages sign in with a form and a session; {@code /api} also takes HTTP Basic and personal API
 * tokens ({@code Authorization: Bearer …}). Everything but the login page, static assets and health needs a
 * signed-in user; what each user may do is checked by method security against their permissions.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	// Machines, not people: answered 401 problem details rather than sent to the login page (a scraper too).
	private static final RequestMatcher API = request -> request.getServletPath().startsWith("/api/")
			|| request.getServletPath().startsWith("/actuator/");

	/** Only Backroom's own scripts, styles and images; no inline script or style, no framing, no foreign forms. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher SWAGGER_UI = request -> request.getServletPath().startsWith("/swagger-ui/");

	/** Swagger UI (not our code) adds style elements of its own; its pages alone may have inline styles. */
	private static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	@Bean
	SecurityFilterChain security(HttpSecurity http, SignInFilters signIn) throws Exception {
		return http
			.authorizeHttpRequests(SecurityConfiguration::access)
			.formLogin(form -> form.loginPage("/login").permitAll().failureHandler(signIn.formFailure()))
			.securityContext(context -> context.securityContextRepository(new SignedInBy()))
			.requestCache(cache -> cache.requestCache(pagesOnly()))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthenticated))
			.logout(Customizer.withDefaults())
			// Requests that carry their own credentials cannot be forged by another site, and no session signs them in
			// (SignedInBy); a request signed in by its session needs the token.
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens()).ignoringRequestMatchers(SignedInBy.OWN_CREDENTIALS))
			.headers(SecurityConfiguration::headers)
			.exceptionHandling(SecurityConfiguration::refusals)
			.addFilterBefore(signIn.throttle(), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(signIn.bearerTokens(), BasicAuthenticationFilter.class)
			.addFilterBefore(signIn.freshPermissions(), AuthorizationFilter.class)
			.build();
	}

	/** Who may reach what: the sign-in page, health and static files anyone; the rest those signed in. */
	private static void access(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/login", "/actuator/health", "/actuator/health/**", "/css/**", "/js/**", "/webjars/**",
					"/favicon.ico", "/favicon.svg", "/error")
			.permitAll()
			// The store's figures (README "Metrics"): for those whose role holds metrics.view.
			.requestMatchers("/actuator/prometheus")
			.hasAuthority("metrics.view")
			.anyRequest()
			.authenticated();
	}

	/** The pages' own scripts and styles only (Swagger UI's policy for it), no framing, same-origin referrers. */
	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !SWAGGER_UI.matches(request),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(frames -> frames.deny());
	}

	/** The API answers problem details; a page sends whoever is not signed in to the sign-in page. */
	private static void refusals(ExceptionHandlingConfigurer<HttpSecurity> errors) {
		errors.defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthenticated, API)
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
			.accessDeniedHandler(SecurityConfiguration::denied);
	}

	/** 401 for the API: a problem detail, and the challenge that tells clients HTTP Basic works. */
	private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		DatabaseOutage.rethrowIfOutage(ex);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Backroom\"");
		ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
				ex instanceof BadCredentialsException ? "The user name or password is wrong."
						: "Sign in first: send HTTP Basic credentials or an API token (Authorization: Bearer …).");
	}

	/** After signing in, back to the page that asked for it; never to an API call, which would only show JSON. */
	private static RequestCache pagesOnly() {
		var cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request) && !SignedInBy.AUTHORIZATION_HEADER.matches(request));
		return cache;
	}

	/** 403: a problem detail for the API; for pages, the friendly error page (a stale form's CSRF token ends here). */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (API.matches(request)) {
			ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
					"This request was refused: " + ex.getMessage());
		}
		else {
			response.sendError(HttpStatus.FORBIDDEN.value());
		}
	}

	/**
	 * No observation of Spring Security's own filters: the property that turns their observations off
	 * ({@code management.observations.enable.spring.security}) leaves each filter wrapped in a decorator that starts
	 * a no-op observation on every request. What a store watches is {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
