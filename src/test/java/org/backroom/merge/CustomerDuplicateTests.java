package org.backroom.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 13, point 1: likely duplicates are proposed with their evidence, and "not a duplicate" is for good. */
@BackroomTest
class CustomerDuplicateTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private long id(Map<String, ?> fields) {
		return customer(api, fields).path("id").asLong();
	}

	@Test
	void proposesPairsWithTheSameEmailPhoneTaxNumberOrASimilarNameWithTheEvidence() {
		String word = uniqueWord();
		long jon = id(Map.of("name", "Jon Smithers " + word, "email", "Jon." + word + "@Example.com"));
		long john = id(Map.of("name", "John Smithers " + word, "email", "jon." + word + "@example.com"));
		long phoneA = id(Map.of("name", "Pat " + word, "phone", "+44 (0)161 " + word.length() + "55-0101"));
		long phoneB = id(Map.of("name", "Q. Other " + uniqueWord(), "phone", "+44 0161 " + word.length() + "550101"));
		long taxA = id(Map.of("name", "Acme " + uniqueWord(), "taxNumber", "GB 123 " + word));
		long taxB = id(Map.of("name", "Widgets " + uniqueWord(), "taxNumber", "gb123" + word));

		Map<String, JsonNode> pairs = pairs();

		JsonNode named = pairs.get(jon + "-" + john);
		assertThat(named).isNotNull();
		assertThat(kinds(named)).containsExactly("email", "name");
		assertThat(new java.math.BigDecimal(named.path("score").asString())).isGreaterThan(new java.math.BigDecimal("0.9"));
		assertThat(kinds(pairs.get(phoneA + "-" + phoneB))).containsExactly("phone");
		assertThat(kinds(pairs.get(taxA + "-" + taxB))).containsExactly("taxNumber");
	}

	@Test
	void aDismissedPairIsNeverProposedAgainAndTheDismissalIsAudited() {
		String word = uniqueWord();
		long a = id(Map.of("name", "Twin " + word, "email", word + "@twins.example"));
		long b = id(Map.of("name", "Twin " + word, "email", word + "@twins.example"));
		assertThat(pairs()).containsKey(a + "-" + b);

		Api.Response dismissed = api.post("/api/customers/duplicates/dismissals",
				Map.of("ids", List.of(b, a), "reason", "Twins, really two people"));

		assertThat(dismissed.status()).isEqualTo(201);
		assertThat(pairs()).doesNotContainKey(a + "-" + b);
		assertThat(api.get("/api/audit?action=customer.duplicate-dismiss&recordKind=customer&recordId=" + a).body())
			.contains("Twins, really two people");
		assertThat(api.post("/api/customers/duplicates/dismissals", Map.of("ids", List.of(a))).status()).isEqualTo(422);
	}

	@Test
	void nameSimilarityIsAskedOfTheTrigramIndexNotOfEveryPair() {
		String plan = transactions.execute(status -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("EXPLAIN SELECT id FROM customers c WHERE c.status = 'ACTIVE' "
					+ "AND lower(c.name) % lower('Jon Smith')").query(String.class).list());
		});
		assertThat(plan).contains("customers_duplicate_name");
	}

	/** Every proposed pair, following the cursor, keyed "firstId-secondId". */
	private Map<String, JsonNode> pairs() {
		Map<String, JsonNode> pairs = new java.util.HashMap<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/customers/duplicates?limit=5" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			page.path("items").forEach(pair -> pairs.put(pair.path("customers").path(0).path("id").asLong() + "-"
					+ pair.path("customers").path(1).path("id").asLong(), pair));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
		}
		while (cursor != null);
		return pairs;
	}

	private static List<String> kinds(JsonNode pair) {
		List<String> kinds = new ArrayList<>();
		pair.path("evidence").forEach(e -> kinds.add(e.path("kind").asString()));
		return kinds;
	}

}
