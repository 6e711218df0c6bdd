package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fuzzer over the live OpenAPI description: thousands of generated hostile requests over every operation, each
 * of which must get an answer below 500; every error a problem detail with a stable type; no body a stack trace or
 * a Java type name; and a refused request must leave every table (rows, versions, audit entries) as it was. The
 * seed is fixed so a failure repeats; {@code -Dbackroom.fuzz.seed=N} tries another, {@code -Dbackroom.fuzz.requests}
 * sends more. An application of its own, since the accepted requests change the store.
 */
@BackroomTest(properties = "backroom.fuzz=own-application")
class ApiFuzzTests extends ApiTest {

	private static final long SEED = Long.getLong("backroom.fuzz.seed", 20_261_201L);

	private static final int REQUESTS = Integer.getInteger("backroom.fuzz.requests", 5_000);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	/** Reads that write their own audit entry when they answer: exports of people's data. */
	private static final Set<String> AUDITED_READS = Set.of("/api/customers/export", "/api/items/export",
			"/api/{kind}/{id}/personal-data");

	@Test
	void hostileRequestsOverEveryOperationGetAClearRefusalAndChangeNothing() {
		JsonNode docs = api.get("/v3/api-docs").json();
		List<FuzzRequests.Operation> operations = FuzzRequests.operations(docs);
		assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
		FuzzRequests requests = new FuzzRequests(SEED, docs, ownerAuthorization());
		RawHttp raw = new RawHttp(port());
		TableCounts tables = new TableCounts(jdbc);
		Map<String, Long> before = tables.snapshot();

		long started = System.nanoTime();
		Map<String, Integer> byOutcome = new TreeMap<>();
		Map<String, Integer> perOperation = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			FuzzRequests.Operation operation = operations.get(i % operations.size());
			FuzzRequests.Request request = requests.next(operation);
			Api.Response answer = raw.send(operation.method(), request.target(), request.headers(), request.body());
			perOperation.merge(operation.toString(), 1, Integer::sum);
			byOutcome.merge(outcome(answer), 1, Integer::sum);
			String wrong = whatIsWrong(request, answer);
			// Checked after each refused change. Reads must change nothing, accepted or not: a read that did is
			// caught by the next refused change or the end of the run (one query per change keeps the run short).
			if (operation.mutates() || AUDITED_READS.contains(operation.path()) || i == REQUESTS - 1) {
				Map<String, Long> after = tables.snapshot();
				// A read that carries people's data out is audited on purpose: its own entry is no change.
				boolean auditedRead = AUDITED_READS.contains(operation.path()) && answer.status() < 400;
				if (wrong == null && !auditedRead && answer.status() >= 400 && !after.equals(before)) {
					wrong = "a refused request (or a read before it) changed " + TableCounts.difference(before, after);
				}
				before = after;
			}
			if (wrong != null && failures.size() < 25) {
				failures.add("#" + i + " " + request + "\n    -> " + abbreviate(answer.toString()) + "\n    " + wrong);
			}
		}

		System.out.printf("API fuzz (seed %d): %d requests over %d operations in %d s; tables checked: %d%n", SEED,
				REQUESTS, perOperation.size(), (System.nanoTime() - started) / 1_000_000_000, before.size() / 2);
		byOutcome.forEach((outcome, count) -> System.out.printf("  %6d  %s%n", count, outcome));
		assertThat(perOperation).as("every operation was fuzzed").hasSize(operations.size());
		assertThat(failures).as("seed %d: failures (first 25)", SEED).isEmpty();
		assertThat(byOutcome.keySet()).noneMatch(outcome -> outcome.startsWith("5"));
	}

	private static String outcome(Api.Response answer) {
		if (answer.status() < 400) {
			return answer.status() / 100 + "xx";
		}
		String type = answer.header("Content-Type");
		if (type != null && type.startsWith("application/problem+json")) {
			try {
				return answer.status() + " " + JSON.readTree(answer.body()).path("type").asString();
			}
			catch (RuntimeException ex) {
				return answer.status() + " unreadable problem";
			}
		}
		return answer.status() + " " + type;
	}

	/** Null when the answer is one a client can rely on; otherwise what is wrong with it. */
	private static String whatIsWrong(FuzzRequests.Request request, Api.Response answer) {
		if (answer.status() >= 500) {
			return "a server error";
		}
		String internals = internals(answer.body());
		if (internals != null) {
			return "the body shows " + internals;
		}
		if (answer.status() < 400) {
			return null;
		}
		String type = answer.header("Content-Type");
		if (type == null || !type.startsWith("application/problem+json")) {
			return "an error that is not application/problem+json: " + type;
		}
		try {
			String problem = JSON.readTree(answer.body()).path("type").asString();
			return problem.startsWith("urn:backroom:problem:") ? null : "a problem without a Backroom type: " + problem;
		}
		catch (RuntimeException ex) {
			return "a problem body that is not JSON";
		}
	}

	private static String internals(String body) {
		for (String telltale : List.of("java.", "javax.", "jakarta.", "org.springframework", "org.apache",
				"tools.jackson", "Exception", "[L", "Tomcat", "\tat ", "$$")) {
			if (body.contains(telltale)) {
				return "'" + telltale + "'";
			}
		}
		return null;
	}

	private static String abbreviate(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	/** Rows in every table, and the sum of versions where a table has them: what any write would change. */
	static final class TableCounts {

		private final JdbcClient jdbc;

		private final String query;

		/** Every table but the sign-in throttle's, which a refused guess at a password is meant to change. */
		TableCounts(JdbcClient jdbc) {
			this.jdbc = jdbc;
			List<String> tables = jdbc.sql("""
					SELECT table_name FROM information_schema.tables
					WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'sign_in_failures'
					ORDER BY table_name""")
				.query(String.class)
				.list();
			List<String> versioned = jdbc.sql("""
					SELECT table_name FROM information_schema.columns
					WHERE table_schema = 'public' AND column_name = 'version'
					AND data_type IN ('smallint', 'integer', 'bigint')""").query(String.class).list();
			this.query = tables.stream().map(table -> {
				String sums = versioned.contains(table) ? "coalesce(sum(version), 0)" : "0";
				return "SELECT '%1$s' AS name, count(*) AS rows, %2$s AS versions FROM \"%1$s\"".formatted(table, sums);
			}).collect(Collectors.joining(" UNION ALL "));
		}

		Map<String, Long> snapshot() {
			Map<String, Long> counts = new TreeMap<>();
			jdbc.sql(query).query((rs, row) -> {
				counts.put(rs.getString("name") + " rows", rs.getLong("rows"));
				counts.put(rs.getString("name") + " versions", rs.getLong("versions"));
				return null;
			}).list();
			return counts;
		}

		static String difference(Map<String, Long> before, Map<String, Long> after) {
			return after.entrySet()
				.stream()
				.filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
				.map(entry -> entry.getKey() + " " + before.get(entry.getKey()) + " -> " + entry.getValue())
				.collect(Collectors.joining(", "));
		}

	}

}
