package org.backroom.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.platform.DatabaseAvailability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before sign-in: while the database is known to be away every request is answered {@code 503} at once (an
 * anonymous one too, which would otherwise be told to sign in), and a request whose sign-in or work meets the
 * outage is answered the same way. Health and static files pass: health has its own answer.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	// Looked up at the first request, not when the servlet container starts: a start with no database must fail
	// in one place (DatabaseFailureAnalyzer's line), not first inside Tomcat's start.
	private final ObjectProvider<DatabaseAvailability> availabilityProvider;

	DatabaseOutageFilter(ObjectProvider<DatabaseAvailability> availability) {
		this.availabilityProvider = availability;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DatabaseAvailability availability = availabilityProvider.getObject();
		if (!availability.reachable()) {
			DatabaseOutage.answer(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!DatabaseOutage.isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			availability.lost(ex);
			DatabaseOutage.answer(request, response);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
				ObjectProvider<DatabaseAvailability> availability) {
			var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(availability));
			// Ahead of Spring Security (-100), whose sign-in filters are the first to need the database.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
			return registration;
		}

	}

}
