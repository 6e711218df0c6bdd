package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.awaitility.Awaitility;
import org.backroom.support.Api;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk benchmarks at any size: by hand at 100,000 records ({@link BulkBenchmark}, {@link BulkUnderTillBenchmark})
 * and on a few thousand in every build ({@link BulkBenchmarkSmokeTests}), so that they cannot rot. Each returns the
 * lines it prints.
 */
final class BulkRuns {

	private static final String[] SURNAMES = { "Alvarez", "Brennan", "Castillo", "Dimitrov", "Eriksen", "Fontaine",
			"Gallagher", "Hoffmann", "Iglesias", "Jankowski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura" };

	private final Api api;

	private final JdbcClient jdbc;

	// This run's dormant customers, apart from any that another run left in the same database.
	private final String dormantName = "Dormant " + Long.toString(System.nanoTime(), 36) + " ";

	BulkRuns(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	/** A bulk deactivation of {@code customers} dormant customers, beside one bare UPDATE of the same rows. */
	String deactivation(int customers) {
		addDormant(customers);
		double bareSeconds = bareUpdateSeconds();
		Map<String, Object> request = Map.of("recordKind", "customer", "action", "deactivate", "dormantSince",
				"2000-01-01", "reason", "benchmark");
		long previewStarted = System.nanoTime();
		JsonNode preview = api.post("/api/bulk-jobs/preview", request).json();
		long previewMillis = (System.nanoTime() - previewStarted) / 1_000_000;
		assertThat(preview.path("toProcess").size()).isEqualTo(customers);
		long started = System.nanoTime();
		long job = api.post("/api/bulk-jobs", request).json().path("id").asLong();
		long accepted = (System.nanoTime() - started) / 1_000_000;
		awaitDone(job);
		long total = (System.nanoTime() - started) / 1_000_000;
		assertThat(api.get("/api/bulk-jobs/" + job).json().path("done").asInt()).isEqualTo(customers);
		double jobSeconds = jobSeconds(job);
		return String.format(Locale.ROOT, "%nBENCHMARK bulk deactivation of %,d customers: preview %,d ms, POST answered"
				+ " in %,d ms, done in %,d ms (%,.0f records/s); job from start to last commit %.2f s (%,.0f records/s);"
				+ " one bare UPDATE of the same rows %.2f s (%,.0f records/s); job/bare %.2f%n%n", customers,
				previewMillis, accepted, total, customers * 1000.0 / total, jobSeconds, customers / jobSeconds,
				bareSeconds, customers / bareSeconds, bareSeconds / jobSeconds);
	}

	/**
	 * One cashier selling and one looking customers up, alone for {@code phase} before and after a bulk deactivation
	 * of {@code dormant} customers and while it runs: each one's p50 and p99 alone and during the job.
	 */
	String tillBeside(int dormant, int shoppers, Duration phase, double share) {
		addDormant(dormant);
		List<Long> buyers = jdbc.sql("INSERT INTO customers (name, email) SELECT (CAST(? AS text[]))[1 + g % ?]"
				+ " || ' ' || g, 'shopper.' || g || '@example.com' FROM generate_series(1, ?) AS g RETURNING id")
			.params("{" + String.join(",", SURNAMES) + "}", SURNAMES.length, shoppers)
			.query(Long.class)
			.list();
		jdbc.sql("ANALYZE customers").update();
		List<Long> items = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			items.add(api.post("/api/items", Map.of("sku", "TILL-" + i + "-" + System.nanoTime(), "name", "Till " + i,
					"price", "2.50")).json().path("id").asLong());
		}
		double bare = bareUpdateSeconds();
		IntFunction<Integer> sale = n -> api.post("/api/sales-orders", Map.of("customerId",
				buyers.get(n % buyers.size()), "payment", "CASH", "lines",
				items.stream().map(item -> Map.of("itemId", item, "quantity", 1)).toList())).status();
		IntFunction<Integer> lookup = n -> api.get("/api/customers/lookup?q="
				+ SURNAMES[n % SURNAMES.length].substring(0, 3 + n % 3).toLowerCase(Locale.ROOT)).status();
		drive(sale, lookup, phase.dividedBy(2), null);
		long[][] before = drive(sale, lookup, phase, null);
		List<Long> ids = jdbc.sql("SELECT id FROM customers WHERE name LIKE ? || '%' ORDER BY id")
			.param(dormantName)
			.query(Long.class)
			.list();
		AtomicBoolean done = new AtomicBoolean();
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", ids,
				"reason", "benchmark")).json().path("id").asLong();
		CompletableFuture<long[][]> during = CompletableFuture.supplyAsync(() -> drive(sale, lookup, null, done));
		awaitDone(job);
		done.set(true);
		long[][] busy = during.join();
		// Alone before and after the job, so that a machine busier at one time than at the other shows in both.
		long[][] after = drive(sale, lookup, phase, null);
		long[][] alone = { concat(before[0], after[0]), concat(before[1], after[1]) };
		assertThat(jdbc.sql("SELECT done FROM bulk_jobs WHERE id = ?").param(job).query(Integer.class).single())
			.isEqualTo(dormant);
		double jobSeconds = jobSeconds(job);
		return String.format(Locale.ROOT, "%nBENCHMARK till beside a bulk job of %,d (share %.2f): job %.2f s (%,.0f"
				+ " records/s), bare UPDATE %.2f s (%,.0f records/s), job/bare %.2f%n%s%s%n", dormant, share, jobSeconds,
				dormant / jobSeconds, bare, dormant / bare, bare / jobSeconds, row("sale, 3 lines", alone[0], busy[0]),
				row("customer lookup", alone[1], busy[1]));
	}

	private void addDormant(int customers) {
		jdbc.sql("INSERT INTO customers (name) SELECT ? || g FROM generate_series(1, ?) AS g")
			.params(dormantName, customers)
			.update();
		jdbc.sql("ANALYZE customers").update();
	}

	private void awaitDone(long job) {
		Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
			.sql("SELECT status FROM bulk_jobs WHERE id = ?").param(job).query(String.class).single(), "DONE"::equals);
	}

	private double jobSeconds(long job) {
		return jdbc.sql("SELECT extract(epoch FROM finished_at - started_at) FROM bulk_jobs WHERE id = ?")
			.param(job)
			.query(Double.class)
			.single();
	}

	/**
	 * The floor, measured in the same run: one set-based UPDATE of the dormant customers (autocommit), then put
	 * back, not measured, and the table vacuumed so the job finds it as the bare statement did.
	 */
	private double bareUpdateSeconds() {
		String ids = jdbc.sql("SELECT '{' || string_agg(id::text, ',' ORDER BY id) || '}' FROM customers"
				+ " WHERE name LIKE ? || '%'").param(dormantName).query(String.class).single();
		long began = System.nanoTime();
		jdbc.sql("""
				UPDATE customers SET status = 'INACTIVE', status_reason = 'benchmark, bare', status_changed_at = now(),
				       version = version + 1, updated_at = now()
				WHERE id = ANY (CAST(:ids AS bigint[])) AND status = 'ACTIVE' AND NOT is_system""").param("ids", ids)
			.update();
		double seconds = (System.nanoTime() - began) / 1e9;
		jdbc.sql("UPDATE customers SET status = 'ACTIVE', status_reason = NULL WHERE name LIKE ? || '%'")
			.param(dormantName)
			.update();
		jdbc.sql("VACUUM ANALYZE customers").update();
		return seconds;
	}

	private static String row(String what, long[] alone, long[] during) {
		return String.format(Locale.ROOT, "BENCHMARK %-16s alone p50 %6.2f p99 %6.2f ms (%d) | during p50 %6.2f p99"
				+ " %6.2f ms (%d) | p99 during/alone %.2f%n", what, ms(alone, 50), ms(alone, 99), alone.length,
				ms(during, 50), ms(during, 99), during.length, ms(during, 99) / ms(alone, 99));
	}

	private static long[] concat(long[] a, long[] b) {
		long[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static double ms(long[] nanos, double percentile) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100 * sorted.length) - 1)] / 1e6;
	}

	/** One cashier selling and one looking up, each in a closed loop, for a time or until told to stop. */
	private static long[][] drive(IntFunction<Integer> sale, IntFunction<Integer> lookup, @Nullable Duration phase,
			@Nullable AtomicBoolean until) {
		long end = phase == null ? Long.MAX_VALUE : System.nanoTime() + phase.toNanos();
		CompletableFuture<long[]> sales = CompletableFuture.supplyAsync(() -> loop(sale, end, until, 201));
		long[] lookups = loop(lookup, end, until, 200);
		return new long[][] { sales.join(), lookups };
	}

	private static long[] loop(IntFunction<Integer> operation, long end, @Nullable AtomicBoolean until, int expected) {
		List<Long> nanos = new ArrayList<>();
		Random random = new Random(7);
		while (System.nanoTime() < end && (until == null || !until.get())) {
			long began = System.nanoTime();
			int status = operation.apply(random.nextInt(1_000_000));
			nanos.add(System.nanoTime() - began);
			assertThat(status).isEqualTo(expected);
		}
		return nanos.stream().mapToLong(Long::longValue).toArray();
	}

}
