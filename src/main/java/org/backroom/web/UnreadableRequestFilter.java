package org.backroom.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that cannot be read, before security or any controller touches it: a query or form whose
 * %-escapes do not decode (Tomcat then throws on the first parameter anyone reads, wherever that is), or a
 * {@code Content-Type} that names no concrete type ({@code *}{@code /*}, garbage, an unknown charset). Such a
 * request answers {@code 400 malformed-request} or {@code 415 unsupported-media-type}; a page request gets the
 * error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableRequestFilter extends OncePerRequestFilter {

	private record Unreadable(HttpStatus status, String slug, String title, String detail) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Unreadable unreadable = unreadableParameters(request);
		if (unreadable == null) {
			unreadable = unreadableContentType(request.getContentType());
		}
		if (unreadable == null) {
			chain.doFilter(request, response);
		}
		else if (request.getRequestURI().startsWith("/api/") || !wantsPage(request)) {
			ProblemResponses.write(response, unreadable.status(), unreadable.slug(), unreadable.title(),
					unreadable.detail());
		}
		else {
			response.sendError(unreadable.status().value());
		}
	}

	private static @Nullable Unreadable unreadableParameters(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return null;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return new Unreadable(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"The query or form cannot be read: a %-escape in it is not valid, or it has too many parameters.");
		}
	}

	private static @Nullable Unreadable unreadableContentType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			type.getCharset();
			if (!type.isConcrete()) {
				return unsupported("A Content-Type must name one concrete type, such as application/json.");
			}
			return null;
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException, UnsupportedCharsetException and IllegalCharsetNameException are all this.
			return unsupported("The Content-Type cannot be read; send application/json.");
		}
	}

	private static Unreadable unsupported(String detail) {
		return new Unreadable(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
				detail);
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html");
	}

}
