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
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a bulk deactivation of 100,000 customers does to one cashier selling and one looking customers up: each
 * one's p50 and p99 alone (before and after the job), and while the job runs, in the same run, beside the job's
 * rate and one bare UPDATE of the same rows. Run by hand ({@code -Dbackroom.bulk.share=1} for a job that never
 * steps aside): {@code ./mvnw verify -Dtest=BulkUnderTillBenchmark -Dbackroom.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
@BackroomTest(properties = "backroom.bulk.batch-size=1000")
class BulkUnderTillBenchmark extends ApiTest {

	private static final int DORMANT = 100_000;

	private static final int SHOPPERS = 5_000;

	private static final String[] SURNAMES = { "Alvarez", "Brennan", "Castillo", "Dimitrov", "Eriksen", "Fontaine",
			"Gallagher", "Hoffmann", "Iglesias", "Jankowski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkSettings settings;

	@Test
	void theTillAndThePickerBesideAJobOfAHundredThousand() {
		jdbc.sql("INSERT INTO customers (name) SELECT 'Dormant ' || g FROM generate_series(1, ?) AS g").param(DORMANT)
			.update();
		List<Long> shoppers = jdbc.sql("INSERT INTO customers (name, email) SELECT (CAST(? AS text[]))[1 + g % ?]"
				+ " || ' ' || g, 'shopper.' || g || '@example.com' FROM generate_series(1, ?) AS g RETURNING id")
			.params("{" + String.join(",", SURNAMES) + "}", SURNAMES.length, SHOPPERS)
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
				shoppers.get(n % shoppers.size()), "payment", "CASH", "lines",
				items.stream().map(item -> Map.of("itemId", item, "quantity", 1)).toList())).status();
		IntFunction<Integer> lookup = n -> api.get("/api/customers/lookup?q="
				+ SURNAMES[n % SURNAMES.length].substring(0, 3 + n % 3).toLowerCase(Locale.ROOT)).status();
		drive(sale, lookup, Duration.ofSeconds(5), null);
		long[][] before = drive(sale, lookup, Duration.ofSeconds(10), null);

		List<Long> dormant = jdbc.sql("SELECT id FROM customers WHERE name LIKE 'Dormant %' ORDER BY id")
			.query(Long.class)
			.list();
		AtomicBoolean done = new AtomicBoolean();
		long job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", dormant,
				"reason", "benchmark")).json().path("id").asLong();
		CompletableFuture<long[][]> during = CompletableFuture.supplyAsync(() -> drive(sale, lookup, null, done));
		Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
			.sql("SELECT status FROM bulk_jobs WHERE id = ?").param(job).query(String.class).single(), "DONE"::equals);
		done.set(true);
		long[][] busy = during.join();
		// Alone before and after the job, so that a machine busier at one time than at the other shows in both.
		long[][] after = drive(sale, lookup, Duration.ofSeconds(10), null);
		long[][] alone = { concat(before[0], after[0]), concat(before[1], after[1]) };
		double jobSeconds = jdbc.sql("SELECT extract(epoch FROM finished_at - started_at) FROM bulk_jobs WHERE id = ?")
			.param(job)
			.query(Double.class)
			.single();
		assertThat(jdbc.sql("SELECT done FROM bulk_jobs WHERE id = ?").param(job).query(Integer.class).single())
			.isEqualTo(DORMANT);
		System.out.printf(Locale.ROOT, "%nBENCHMARK till beside a bulk job (share %.2f): job %.2f s (%,.0f records/s),"
				+ " bare UPDATE %.2f s (%,.0f records/s), job/bare %.2f%n%s%s%n", settings.share(), jobSeconds,
				DORMANT / jobSeconds, bare, DORMANT / bare, bare / jobSeconds, row("sale, 3 lines", alone[0], busy[0]),
				row("customer lookup", alone[1], busy[1]));
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
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100 * sorted.length) - 1)] / 1e6;
	}

	/** One cashier selling and one looking up, each in a closed loop, for a time or until told to stop. */
	private long[][] drive(IntFunction<Integer> sale, IntFunction<Integer> lookup, Duration phase, AtomicBoolean until) {
		long end = phase == null ? Long.MAX_VALUE : System.nanoTime() + phase.toNanos();
		CompletableFuture<long[]> sales = CompletableFuture.supplyAsync(() -> loop(sale, end, until, 201));
		long[] lookups = loop(lookup, end, until, 200);
		return new long[][] { sales.join(), lookups };
	}

	private static long[] loop(IntFunction<Integer> operation, long end, AtomicBoolean until, int expected) {
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

	/** One set-based UPDATE of the same rows, then put back (not measured) and vacuumed, as in {@link BulkBenchmark}. */
	private double bareUpdateSeconds() {
		String ids = jdbc.sql("SELECT '{' || string_agg(id::text, ',' ORDER BY id) || '}' FROM customers"
				+ " WHERE name LIKE 'Dormant %'").query(String.class).single();
		long began = System.nanoTime();
		jdbc.sql("""
				UPDATE customers SET status = 'INACTIVE', status_reason = 'benchmark, bare', status_changed_at = now(),
				       version = version + 1, updated_at = now()
				WHERE id = ANY (CAST(:ids AS bigint[])) AND status = 'ACTIVE' AND NOT is_system""").param("ids", ids)
			.update();
		double seconds = (System.nanoTime() - began) / 1e9;
		jdbc.sql("UPDATE customers SET status = 'ACTIVE', status_reason = NULL WHERE name LIKE 'Dormant %'").update();
		jdbc.sql("VACUUM ANALYZE customers").update();
		return seconds;
	}

}
