package org.backroom.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details whose {@code type} ends in a stable slug. */
final class Problems {

	private static final String TYPE_PREFIX = "urn:backroom:problem:";

	private Problems() {
	}

	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	static ProblemDetail of(Refusal refusal) {
		ProblemDetail problem = of(refusal.status(), refusal.slug(), refusal.title(), refusal.getMessage());
		refusal.properties().forEach(problem::setProperty);
		return problem;
	}

}
