package org.backroom.web;

import jakarta.servlet.http.HttpServletRequest;

/** What a page controller needs to know about htmx requests. */
public final class Htmx {

	private Htmx() {
	}

	/** An htmx request that wants a fragment to swap in, not a whole page. */
	public static boolean isPartial(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
	}

}
