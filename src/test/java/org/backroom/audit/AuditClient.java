package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import tools.jackson.databind.JsonNode;

/** What the audit tests do through the API, over and over: make records, and read the entries back. */
final class AuditClient {

	private final Api api;

	AuditClient(Api api) {
		this.api = api;
	}

	/** A name no other test uses. */
	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	JsonNode customer(Map<String, ?> fields) {
		Api.Response created = api.post("/api/customers", fields);
		assertThat(created.status()).as("create customer: %s", created).isEqualTo(201);
		return created.json();
	}

	/** Every entry of a query, following the cursor page by page. */
	List<JsonNode> all(String path) {
		return pages(path, Long.MIN_VALUE);
	}

	List<JsonNode> history(String kind, long id) {
		return all("/api/" + kind + "/" + id + "/history");
	}

	/** The id of the newest entry, to read later only what came after it. */
	long newestId() {
		JsonNode items = api.get("/api/audit?limit=1").json().path("items");
		return items.isEmpty() ? 0 : items.get(0).path("id").asLong();
	}

	/** The entries newer than {@code mark}, newest first. */
	List<JsonNode> since(long mark) {
		return pages("/api/audit?limit=100", mark);
	}

	/** The entries a request with this {@code X-Request-Id} left, among those newer than {@code mark}. */
	List<JsonNode> ofRequest(long mark, String requestId) {
		return since(mark).stream().filter(entry -> requestId.equals(entry.path("requestId").asString())).toList();
	}

	/** The entries of a query page by page, stopping at the first whose id is not above {@code floor}. */
	private List<JsonNode> pages(String path, long floor) {
		List<JsonNode> entries = new ArrayList<>();
		String cursor = null;
		do {
			String separator = path.contains("?") ? "&" : "?";
			Api.Response page = api.get(path + (cursor == null ? "" : separator + "cursor=" + Api.encode(cursor)));
			assertThat(page.status()).as("GET %s: %s", path, page).isEqualTo(200);
			for (JsonNode entry : page.json().path("items")) {
				if (entry.path("id").asLong() <= floor) {
					return entries;
				}
				entries.add(entry);
			}
			JsonNode next = page.json().path("nextCursor");
			cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
		}
		while (cursor != null);
		return entries;
	}

}
