package org.backroom.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
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
		if (unreadable == null && changes(request)) {
			unreadable = unacceptable(request.getHeader(HttpHeaders.ACCEPT));
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

	/** A change to the store through the API, whose answer is JSON. */
	private static boolean changes(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/")
				&& !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod());
	}

	/**
	 * A change whose answer the client would refuse is refused before it is made: content negotiation otherwise
	 * happens after the handler ran, and a 406 would follow a write.
	 */
	private static @Nullable Unreadable unacceptable(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return null;
		}
		try {
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (type.getQualityValue() > 0 && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
						|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
					return null;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// An Accept header that cannot be read accepts nothing.
		}
		return new Unreadable(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable",
				"Backroom answers changes with application/json; this request's Accept header does not take it, so "
						+ "nothing was changed.");
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
