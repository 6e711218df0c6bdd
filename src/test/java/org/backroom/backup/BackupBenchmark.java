package org.backroom.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a backup and a restore take: of the demo store, and of a store with 100,000 customers and 1,000,000
 * order lines. Run by hand:
 * {@code ./mvnw test -Dtest=BackupBenchmark -Dbackroom.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
class BackupBenchmark {

	@TempDir
	Path work;

	@Test
	void theDemoStore() throws Exception {
		measure("the demo store", "backroom.demo=true");
	}

	@Test
	void aHundredThousandCustomersAndAMillionOrderLines() throws Exception {
		measure("100,000 customers and 1,000,000 order lines", "backroom.demo=false");
	}

	private void measure(String store, String demo) throws Exception {
		Path backup;
		long backupMillis;
		try (RunningStore source = RunningStore.start(work.resolve("source"), work.resolve("backups"), demo)) {
			if (demo.endsWith("false")) {
				generate(source.database());
			}
			long started = System.nanoTime();
			var taken = source.owner().post("/api/backups", null);
			backupMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
			backup = work.resolve("backups").resolve(taken.json().path("name").asString());
		}
		// Restore into a fresh embedded server, timed alone: schema, COPY of every table, sequences, checks.
		try (EmbeddedPostgres target = EmbeddedPostgres.builder().start()) {
			Flyway flyway = Flyway.configure().dataSource(target.getPostgresDatabase())
				.locations("classpath:db/migration").load();
			long started = System.nanoTime();
			long rows = Restorer.restore(backup, flyway);
			long restoreMillis = (System.nanoTime() - started) / 1_000_000;
			System.out.printf("%nBENCHMARK backup of %s: %,d rows, %,d bytes; backup %,d ms, restore %,d ms%n%n", store,
					rows, Files.size(backup), backupMillis, restoreMillis);
		}
	}

	/** The big store, made through the schema's constraints: customers, items, orders, lines and order totals. */
	private static void generate(JdbcClient db) {
		long started = System.nanoTime();
		db.sql("INSERT INTO customers (name, email, phone, credit_allowed, credit_limit)"
				+ " SELECT 'Customer ' || g, 'customer' || g || '@example.com', '+1 555 ' || lpad(g::text, 7, '0'),"
				+ " g % 5 = 0, CASE WHEN g % 5 = 0 THEN 500 ELSE 0 END FROM generate_series(1, 100000) AS g").update();
		db.sql("INSERT INTO items (sku, name, price, cost, track_stock, stock_on_hand)"
				+ " SELECT 'BENCH-' || g, 'Bench item ' || g, 1 + g % 50, round((1 + g % 50) * 0.6, 2), g % 2 = 0, 1000"
				+ " FROM generate_series(1, 1000) AS g").update();
		db.sql("INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_at, created_by)"
				+ " SELECT c.id, c.name, 'CASH', 0, now() - (g || ' minutes')::interval, 'admin'"
				+ " FROM generate_series(1, 250000) AS g JOIN customers c ON c.name = 'Customer ' || (1 + g % 100000)")
			.update();
		db.sql("INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, line_total)"
				+ " SELECT o.id, n, i.id, i.sku, i.name, 1 + (o.id + n) % 3, i.price, (1 + (o.id + n) % 3) * i.price"
				+ " FROM sales_orders o CROSS JOIN generate_series(1, 4) AS n"
				+ " JOIN items i ON i.sku = 'BENCH-' || (1 + (o.id * 4 + n) % 1000)").update();
		db.sql("UPDATE sales_orders o SET total = l.total FROM (SELECT order_id, sum(line_total) AS total"
				+ " FROM sales_order_lines GROUP BY order_id) l WHERE l.order_id = o.id").update();
		db.sql("ANALYZE").update();
		assertThat(db.sql("SELECT count(*) FROM sales_order_lines").query(Long.class).single()).isEqualTo(1_000_000L);
		System.out.printf("%nBENCHMARK generated the store in %,d ms%n", (System.nanoTime() - started) / 1_000_000);
	}

}
