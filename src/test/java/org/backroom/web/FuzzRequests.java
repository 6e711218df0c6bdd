package org.backroom.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates hostile requests for the operations of an OpenAPI description, all from one seeded {@link Random}:
 * path ids of every odd shape, query values of the wrong type, duplicated or badly escaped, bodies built from the
 * schema and then broken (wrong types, nulls, huge strings, NUL characters, deep nesting, not JSON at all), and odd
 * {@code Accept} and {@code Content-Type} headers.
 */
final class FuzzRequests {

	/** One operation of the description. */
	record Operation(String method, String path, List<JsonNode> parameters, @Nullable JsonNode body) {

		boolean mutates() {
			return !method.equals("GET");
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	/** One request: the target goes out byte for byte; a null body sends none. */
	record Request(Operation operation, String target, Map<String, String> headers, byte @Nullable [] body,
			boolean anonymous) {

		@Override
		public String toString() {
			String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
			return operation.method() + " " + abbreviate(target) + " " + headers.keySet() + (anonymous ? " anonymous" : "")
					+ " " + abbreviate(shown);
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] HOSTILE_IDS = { "0", "-1", "-9223372036854775808", "9223372036854775807",
			"99999999999999999999", "abc", "%2F", "%ZZ", "%", "%C3%A9", "%E2%98%83", "1;x=y", ";x=y", "1.5", "%00", "%20",
			"1e3", "0x10", "%2e%2e", "null", "1%0A", "a".repeat(300), "%F0%9F%98%80" };

	private static final String[] HOSTILE_TEXT = { "", " ", "%00", "%ZZ", "%", "%G1", "abc", "-1", "0",
			"99999999999999999999", "1.5", "true", "null", "%E2%98%83", "%C3%28", "2025-13-45", "9999-12-31", "yesterday",
			"'%20OR%201=1--", "%3Cscript%3E", "active", "ALL", "deleted", "%2F..%2F" };

	private static final String[] ACCEPTS = { "application/json", "*/*", "text/html", "text/csv", "application/xml",
			"application/problem+json", "text/plain", "garbage;;", "application/json;q=0", "image/png, text/*;q=0.1" };

	private static final String[] CONTENT_TYPES = { "*/*", "text/plain", "application/xml", "application/*",
			"nonsense", "application/json; charset=nope", "application/x-www-form-urlencoded", "multipart/form-data",
			"application/json;;;", "text/html" };

	private static final String[] KINDS = { "customers", "items", "suppliers", "staff", "roles", "sales-orders" };

	private static final String[] REPORTS = { "sales-by-customer", "sales-by-item", "sales-by-staff",
			"purchases-by-supplier", "dormant-customers" };

	private final Random random;

	private final JsonNode schemas;

	private final String ownerAuthorization;

	FuzzRequests(long seed, JsonNode apiDocs, String ownerAuthorization) {
		this.random = new Random(seed);
		this.schemas = apiDocs.path("components").path("schemas");
		this.ownerAuthorization = ownerAuthorization;
	}

	static List<Operation> operations(JsonNode apiDocs) {
		List<Operation> operations = new ArrayList<>();
		for (var path : apiDocs.path("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
					.path("schema");
				operations.add(new Operation(operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
						operation.getValue().path("parameters").values().stream().toList(),
						body.isMissingNode() ? null : body));
			}
		}
		return operations;
	}

	Request next(Operation operation) {
		boolean anonymous = random.nextInt(5) == 0;
		Map<String, String> headers = new LinkedHashMap<>();
		if (!anonymous) {
			headers.put("Authorization", ownerAuthorization);
		}
		else if (random.nextBoolean()) {
			headers.put("Authorization", pick("Bearer brt_not-a-token", "Bearer ", "Negotiate abc", "x"));
		}
		if (random.nextInt(3) == 0) {
			headers.put("Accept", pick(ACCEPTS));
		}
		if (random.nextInt(6) == 0) {
			headers.put("If-Match", pick("\"0\"", "*", "\"abc\"", "W/\"1\"", "\"99999999999999999999\""));
		}
		if (random.nextInt(8) == 0) {
			headers.put("Idempotency-Key", pick("k", "ü".repeat(50), "x".repeat(600), ""));
		}
		byte[] body = null;
		if (operation.body() != null || random.nextInt(10) == 0) {
			body = body(operation, headers);
		}
		return new Request(operation, target(operation), headers, body, anonymous);
	}

	private String target(Operation operation) {
		String path = operation.path();
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation.parameters()) {
			String name = parameter.path("name").asString();
			switch (parameter.path("in").asString()) {
				case "path" -> path = path.replace("{" + name + "}", pathValue(operation, name));
				case "query" -> {
					if (random.nextInt(3) > 0) {
						query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(queryValue(parameter));
					}
					if (random.nextInt(10) == 0) {
						query.append("&").append(name).append('=').append(queryValue(parameter));
					}
				}
				default -> {
				}
			}
		}
		if (random.nextInt(12) == 0) {
			query.append(query.isEmpty() ? "" : "&").append(pick("x=%ZZ", "%ZZ=1", "a=%", "q=%00", "=&&=", "x"));
		}
		return query.isEmpty() ? path : path + "?" + query;
	}

	/**
	 * Mostly hostile ids; sometimes small numbers, to reach real records. Never a real id where an accepted request
	 * would lock the fuzzer out (its own token, a password).
	 */
	private String pathValue(Operation operation, String name) {
		if (name.equals("kind")) {
			return random.nextInt(6) > 0 ? pick(KINDS) : pick(HOSTILE_IDS);
		}
		if (name.equals("report")) {
			return random.nextInt(6) > 0 ? pick(REPORTS) : pick(HOSTILE_IDS);
		}
		boolean dangerous = operation.path().contains("/password") || operation.path().contains("/tokens");
		if (!dangerous && random.nextInt(3) == 0) {
			return String.valueOf(1 + random.nextInt(30));
		}
		String id = pick(HOSTILE_IDS);
		return dangerous && id.matches("\\d{1,18}") && !id.equals("0") ? "-" + id : id;
	}

	private String queryValue(JsonNode parameter) {
		JsonNode schema = parameter.path("schema");
		if (random.nextBoolean()) {
			return pick(HOSTILE_TEXT);
		}
		return switch (schema.path("type").asString()) {
			case "integer" -> String.valueOf(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(300) - 10);
			case "boolean" -> String.valueOf(random.nextBoolean());
			default -> schema.path("format").asString().equals("date") ? "20" + (10 + random.nextInt(20)) + "-0"
					+ (1 + random.nextInt(9)) + "-1" + random.nextInt(10) : encode(text());
		};
	}

	private byte[] body(Operation operation, Map<String, String> headers) {
		int shape = random.nextInt(10);
		headers.put("Content-Type", shape == 0 ? pick(CONTENT_TYPES) : "application/json");
		String text = switch (shape) {
			case 1 -> pick("", "not json", "{", "[1,2", "{\"a\":}", "\u0000", "{\"name\":\"x\"}{}", "<xml/>", "null", "42");
			case 2 -> "[".repeat(3_000) + "]".repeat(3_000);
			case 3 -> "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);
			default -> JSON.writeValueAsString(mutated(operation.body()));
		};
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A value for the schema, with one field (or the whole) made wrong. */
	private Object mutated(@Nullable JsonNode schema) {
		Object value = value(schema, 0);
		if (value instanceof Map<?, ?> map && !map.isEmpty() && random.nextInt(4) > 0) {
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = (Map<String, Object>) map;
			String field = new ArrayList<>(fields.keySet()).get(random.nextInt(fields.size()));
			fields.put(field, wrong());
			return fields;
		}
		return random.nextInt(6) == 0 ? wrong() : value;
	}

	private @Nullable Object value(@Nullable JsonNode schema, int depth) {
		if (schema == null || depth > 4) {
			return null;
		}
		if (schema.has("$ref")) {
			String ref = schema.path("$ref").asString();
			return value(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), depth + 1);
		}
		if (schema.has("enum")) {
			List<JsonNode> values = schema.path("enum").values().stream().toList();
			return values.get(random.nextInt(values.size())).asString();
		}
		return switch (schema.path("type").asString()) {
			case "object" -> object(schema, depth);
			case "array" -> {
				List<Object> items = new ArrayList<>();
				for (int i = random.nextInt(3); i > 0; i--) {
					items.add(value(schema.path("items"), depth + 1));
				}
				yield items;
			}
			case "integer" -> random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(40);
			case "number" -> random.nextInt(1000) / 100.0;
			case "boolean" -> random.nextBoolean();
			default -> random.nextInt(3) == 0 ? String.valueOf(random.nextInt(10_000) / 100.0) : text();
		};
	}

	private Map<String, Object> object(JsonNode schema, int depth) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (var property : schema.path("properties").properties()) {
			if (random.nextInt(5) > 0) {
				fields.put(property.getKey(), value(property.getValue(), depth + 1));
			}
		}
		if (schema.path("properties").isEmpty()) {
			// A free-form body (settings, a merge's fields): the known sections, with anything (null too) in them.
			fields.put(pick("approvals", "lifecycle", "trash", "other"), java.util.Collections.singletonMap(text(), wrong()));
		}
		return fields;
	}

	private @Nullable Object wrong() {
		return switch (random.nextInt(10)) {
			case 0 -> null;
			case 1 -> "x".repeat(10_000 + random.nextInt(60_000));
			case 2 -> "a\u0000b";
			case 3 -> List.of(List.of(List.of(1, "2", Map.of())));
			case 4 -> Map.of("nested", Map.of("deeper", List.of()));
			case 5 -> new java.math.BigDecimal("1e400");
			case 6 -> random.nextBoolean();
			case 7 -> Long.MIN_VALUE;
			case 8 -> "\uD800 lone surrogate ☃ " + "é".repeat(random.nextInt(100));
			default -> "=HYPERLINK(\"http://x\",\"y\") 61 chars" + "r".repeat(40);
		};
	}

	private String text() {
		return pick("Ann", "Zoë ☃", "=1+1", "a".repeat(61), "a".repeat(201), "", " ", "x\ty", "ünïcødé 山田", "-5", "@x",
				"line\nbreak", "O'Brien; DROP TABLE customers;--");
	}

	private String pick(String... values) {
		return values[random.nextInt(values.length)];
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
	}

}
