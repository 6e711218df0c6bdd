package org.backroom.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A named situation in which Backroom refuses a request and changes nothing. Each one maps to exactly one problem
 * {@code type}; the slug is part of the API and never changes.
 */
public abstract class Refusal extends RuntimeException {

	private final String slug;

	private final HttpStatus status;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected Refusal(String slug, HttpStatus status, String title, String detail) {
		super(detail, null, false, false);
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	/** Adds a field that helps the client act on the problem, such as {@code dependents}. */
	protected final void with(String name, Object value) {
		properties.put(name, value);
	}

	public String slug() {
		return slug;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

}
