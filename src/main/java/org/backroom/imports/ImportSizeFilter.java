package org.backroom.imports;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload to an import whose Content-Length is over the limit before any filter reads its body (the
 * idempotency filter keeps a request's body to replay it; a multipart form is parsed when its parameters are
 * read), so a too-large file costs no memory and gets a problem, not a reset connection or a form error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportSizeFilter extends OncePerRequestFilter {

	private final ImportUploads uploads;

	ImportSizeFilter(ImportUploads uploads) {
		this.uploads = uploads;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod())
				|| !(path.startsWith("/api/") && path.endsWith("/import") || path.equals("/imports/preview"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!uploads.tooLarge(request.getContentLengthLong())) {
			chain.doFilter(request, response);
			return;
		}
		ImportRefusals.FileTooLarge refusal = new ImportRefusals.FileTooLarge(uploads.maxBytes());
		// Connection: close, as Tomcat would anyway: the rest of the body is not read.
		response.setHeader("Connection", "close");
		ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, refusal.slug(), refusal.title(), refusal.getMessage());
	}

}
