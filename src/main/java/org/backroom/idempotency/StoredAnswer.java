package org.backroom.idempotency;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;

/** The first answer to a request with an idempotency key, as it is replayed: status, headers and body. */
record StoredAnswer(int status, Map<String, List<String>> headers, byte[] body) {

	/** Sent with a replayed answer, so that a client can tell that nothing new happened. */
	static final String REPLAYED = "Idempotent-Replayed";

	// Headers of this exchange rather than of the answer: the replay gets its own.
	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "x-request-id", "date", "content-length",
			"transfer-encoding", "connection", "keep-alive");

	static StoredAnswer of(ContentCachingResponseWrapper response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
				headers.put(name, new ArrayList<>(response.getHeaders(name)));
			}
		}
		if (response.getContentType() != null) {
			headers.put("Content-Type", List.of(response.getContentType()));
		}
		return new StoredAnswer(response.getStatus(), headers, response.getContentAsByteArray());
	}

	void writeTo(HttpServletResponse response) throws IOException {
		response.setStatus(status);
		headers.forEach((name, values) -> {
			for (int i = 0; i < values.size(); i++) {
				if (i == 0) {
					response.setHeader(name, values.get(i));
				}
				else {
					response.addHeader(name, values.get(i));
				}
			}
		});
		response.setHeader(REPLAYED, "true");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
