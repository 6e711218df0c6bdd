package org.backroom.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The supplier list behaves like the customer list: status filter, search, keyset pages, and an active-only picker. */
@BackroomTest
class SupplierListTests extends ApiTest {

	/** A word only this test's suppliers carry, so that shared data never disturbs the counts. */
	private final String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private long active;

	private long inactive;

	private long deleted;

	@BeforeEach
	void threeSuppliersInEachState() {
		active = create("Alpha " + word, "alpha@" + word + ".example");
		inactive = create("Bravo " + word, null);
		deleted = create("Charlie " + word, null);
		assertThat(api.post("/api/suppliers/" + inactive + "/deactivate", Map.of("reason", "Stopped delivering")).status())
			.isEqualTo(200);
		assertThat(api.delete("/api/suppliers/" + deleted + "?reason=Duplicate").status()).isEqualTo(200);
	}

	@Test
	void listsActiveSuppliersByDefaultAndTheOthersByFilter() {
		assertThat(ids("/api/suppliers?q=" + word)).containsExactly(active);
		assertThat(ids("/api/suppliers?status=active&q=" + word)).containsExactly(active);
		assertThat(ids("/api/suppliers?status=inactive&q=" + word)).containsExactly(inactive);
		assertThat(ids("/api/suppliers?status=all&q=" + word)).containsExactly(active, inactive);
		assertThat(ids("/api/suppliers?status=deleted&q=" + word)).containsExactly(deleted);
		JsonNode listed = api.get("/api/suppliers?status=inactive&q=" + word).json().path("items").get(0);
		assertThat(listed.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(listed.path("statusReason").asString()).isEqualTo("Stopped delivering");
	}

	@Test
	void searchesByNameCodeContactAndEmailIgnoringCase() {
		JsonNode alpha = api.get("/api/suppliers/" + active).json();
		assertThat(ids("/api/suppliers?q=" + Api.encode("ALPHA " + word.toUpperCase(java.util.Locale.ROOT)))).containsExactly(active);
		assertThat(ids("/api/suppliers?q=" + alpha.path("code").asString())).containsExactly(active);
		assertThat(ids("/api/suppliers?q=" + Api.encode("@" + word))).containsExactly(active);
		assertThat(ids("/api/suppliers?q=" + Api.encode("Pat " + word))).containsExactly(active);
		assertThat(ids("/api/suppliers?q=" + Api.encode("%" + word))).as("% is taken literally").isEmpty();
	}

	@Test
	void pagesThroughTheListWithACursorInNameOrder() {
		List<Long> more = new ArrayList<>();
		for (String name : List.of("Delta", "Echo", "Foxtrot", "Golf")) {
			more.add(create(name + " " + word, null));
		}
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = api.get("/api/suppliers?status=all&limit=2&q=" + word
					+ (cursor == null ? "" : "&cursor=" + Api.encode(cursor))).json();
			assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
			page.path("items").values().forEach(supplier -> seen.add(supplier.path("id").asLong()));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(seen).containsExactly(active, inactive, more.get(0), more.get(1), more.get(2), more.get(3));
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void offersOnlyActiveSuppliersToPickers() {
		JsonNode offered = api.get("/api/suppliers/lookup?q=" + word).json();
		assertThat(offered.isArray()).isTrue();
		assertThat(offered.values().stream().map(supplier -> supplier.path("id").asLong())).containsExactly(active);
		assertThat(offered.get(0).path("code").asString()).matches("P\\d{6}");
		assertThat(offered.get(0).path("name").asString()).isEqualTo("Alpha " + word);

		for (int i = 0; i < 21; i++) {
			create("Many " + i + " " + word, null);
		}
		assertThat(api.get("/api/suppliers/lookup?q=" + word).json().size()).isEqualTo(20);
	}

	@Test
	void refusesAnUnknownFilterLimitOrCursor() {
		for (String query : List.of("status=gone", "limit=0", "limit=101", "cursor=not-ours", "limit=ten")) {
			var refused = api.get("/api/suppliers?" + query);
			assertThat(refused.status()).as(query).isEqualTo(422);
			assertThat(refused.problemType()).as(query).isEqualTo("validation");
		}
	}

	private long create(String name, String email) {
		Map<String, String> form = email == null ? Map.of("name", name, "contactName", "Pat " + word)
				: Map.of("name", name, "contactName", "Pat " + word, "email", email);
		var created = api.post("/api/suppliers", form);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private List<Long> ids(String path) {
		var answer = api.get(path);
		assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
		return answer.json().path("items").values().stream().map(supplier -> supplier.path("id").asLong()).toList();
	}

}
