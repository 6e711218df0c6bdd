package org.backroom.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

import org.backroom.backup.Manifest.TableDump;
import org.backroom.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The restore drill: the demo store is backed up while sales are being posted, the backup is restored into a fresh
 * data directory, and the restored store has exactly the snapshot: every table's rows, every numeric total, the
 * stock and credit that the sales moved, and an intact audit chain.
 */
class RestoreDrillTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path work;

	private static Path backup;

	private static long tracked;

	private static long stockAndSold;

	private static long customerId;

	private static long salesBefore;

	private static long salesAfter;

	private static final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	/** The demo store, two tills selling to one credit customer, and a backup taken in the middle of it. */
	@BeforeAll
	static void backUpTheDemoStoreWhileSalesRun() throws Exception {
		try (RunningStore source = RunningStore.start(work.resolve("source"), work.resolve("backups"), "backroom.demo=true")) {
			JdbcClient db = source.database();
			tracked = db.sql("SELECT id FROM items WHERE track_stock AND status = 'ACTIVE'"
					+ " ORDER BY stock_on_hand DESC, id LIMIT 1").query(Long.class).single();
			long untracked = db.sql("SELECT id FROM items WHERE NOT track_stock AND status = 'ACTIVE' ORDER BY id LIMIT 1")
				.query(Long.class).single();
			stockAndSold = stockAndSold(db, tracked);
			salesBefore = db.sql("SELECT count(*) FROM sales_orders").query(Long.class).single();
			customerId = source.owner().post("/api/customers", Map.of("name", "Drill customer", "creditAllowed", true,
					"creditLimit", "100000.00")).json().path("id").asLong();

			AtomicBoolean selling = new AtomicBoolean(true);
			AtomicInteger sold = new AtomicInteger();
			List<Thread> tills = new ArrayList<>();
			for (String payment : List.of("CASH", "CREDIT")) {
				Map<String, Object> sale = Map.of("customerId", customerId, "payment", payment, "lines",
						List.of(Map.of("itemId", tracked, "quantity", 1), Map.of("itemId", untracked, "quantity", 2)));
				Thread till = new Thread(() -> {
					while (selling.get()) {
						int status = source.owner().post("/api/sales-orders", sale).status();
						answers.add(status);
						if (status == 201) {
							sold.incrementAndGet();
						}
					}
				});
				till.start();
				tills.add(till);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> sold.get() >= 10);
			Api.Response taken = source.owner().post("/api/backups", null);
			int soldAtBackup = sold.get();
			await().atMost(Duration.ofSeconds(60)).until(() -> sold.get() >= soldAtBackup + 10);
			selling.set(false);
			for (Thread till : tills) {
				till.join();
			}
			salesAfter = db.sql("SELECT count(*) FROM sales_orders").query(Long.class).single();
			assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
			assertThat(taken.header("Location")).isEqualTo("/api/backups/" + taken.json().path("name").asString());
			assertThat(taken.json().path("size").asLong()).isPositive();
			backup = work.resolve("backups").resolve(taken.json().path("name").asString());
			JsonNode listed = source.owner().get("/api/backups").json().path("items");
			assertThat(listed.values()).extracting(node -> node.path("name").asString())
				.containsExactly(backup.getFileName().toString());
		}
	}

	@Test
	void restoresIntoAFreshDirectoryWithEveryRowAndTotalOfTheSnapshot() throws Exception {
		assertThat(answers).as("sales answered while the backup ran").isNotEmpty()
			.allSatisfy(status -> assertThat(status).isIn(201, 409));
		Manifest manifest = manifest(backup);
		assertThat(manifest.tables()).extracting(TableDump::name)
			.contains("customers", "sales_orders", "sales_order_lines", "audit_log", "flyway_schema_history");
		assertThat(rows(manifest, "sales_orders")).as("the snapshot is a moment in the middle of the selling")
			.isGreaterThanOrEqualTo(salesBefore + 10)
			.isLessThanOrEqualTo(salesAfter - 10);

		try (RunningStore restored = RunningStore.start(work.resolve("restored"), work.resolve("backups"),
				"backroom.demo=true", "restore=" + backup)) {
			JdbcClient db = restored.database();
			for (TableDump table : manifest.tables()) {
				assertThat(db.sql("SELECT count(*) FROM \"" + table.name() + "\"").query(Long.class).single())
					.as("rows of %s", table.name()).isEqualTo(table.rows());
			}
			assertThat(sum(db, "SELECT sum(total) FROM sales_orders")).isEqualTo(manifestSum(manifest, "sales_orders", "total"));
			assertThat(sum(db, "SELECT sum(balance) FROM customers")).isEqualTo(manifestSum(manifest, "customers", "balance"));
			assertThat(sum(db, "SELECT sum(stock_on_hand) FROM items"))
				.isEqualTo(manifestSum(manifest, "items", "stock_on_hand"));
			// One consistent moment: every unit sold left the stock, every credit sale is on the customer's balance.
			assertThat(stockAndSold(db, tracked)).isEqualTo(stockAndSold);
			assertThat(sum(db, "SELECT balance FROM customers WHERE id = " + customerId)).isEqualTo(sum(db,
					"SELECT coalesce(sum(total), 0) FROM sales_orders WHERE payment = 'CREDIT' AND customer_id = " + customerId));

			JsonNode verified = restored.owner().get("/api/audit/verify").json();
			assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
			assertThat(verified.path("entries").asLong()).isGreaterThan(rows(manifest, "audit_log"));
			// The restored store goes on: a new sale gets an id after every restored one.
			Api.Response next = restored.owner().post("/api/sales-orders", Map.of("payment", "CASH", "lines",
					List.of(Map.of("itemId", tracked, "quantity", 1))));
			assertThat(next.status()).as(next.toString()).isEqualTo(201);
			assertThat(next.json().path("id").asLong())
				.isGreaterThan(sum(db, "SELECT max(id) FROM sales_orders WHERE id <> " + next.json().path("id").asLong())
					.longValue());
		}
	}

	@Test
	void movesTheStoreFromTheEmbeddedServerToAnExternalPostgresql15() throws Exception {
		assumeTrue(Postgresql15.installed(), "PostgreSQL 15 is not installed in " + Postgresql15.BIN);
		Manifest manifest = manifest(backup);
		try (Postgresql15 external = Postgresql15.start();
				RunningStore moved = RunningStore.start(work.resolve("unused"), work.resolve("backups"),
						"backroom.demo=true", "backroom.db.url=" + external.url("backroom"), "backroom.db.user=postgres",
						"backroom.db.password=", "restore=" + backup)) {
			JdbcClient db = moved.database();
			assertThat(db.sql("SHOW server_version").query(String.class).single()).startsWith("15.");
			for (TableDump table : manifest.tables()) {
				assertThat(db.sql("SELECT count(*) FROM \"" + table.name() + "\"").query(Long.class).single())
					.as("rows of %s", table.name()).isEqualTo(table.rows());
			}
			assertThat(sum(db, "SELECT sum(total) FROM sales_orders")).isEqualTo(manifestSum(manifest, "sales_orders", "total"));
			JsonNode verified = moved.owner().get("/api/audit/verify").json();
			assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
		}
	}

	@Test
	void refusesToRestoreIntoAStoreThatIsNotEmpty() throws Exception {
		assertThatThrownBy(() -> RunningStore.start(work.resolve("source"), work.resolve("backups"),
				"backroom.demo=false", "restore=" + backup))
			.rootCause()
			.isInstanceOf(RestoreRefused.class)
			.hasMessageContaining("is not empty")
			.hasMessageContaining("nothing was changed");
	}

	@Test
	void refusesADamagedBackup() throws Exception {
		Path damaged = work.resolve("damaged").resolve(backup.getFileName());
		Files.createDirectories(damaged.getParent());
		byte[] bytes = Files.readAllBytes(backup);
		bytes[bytes.length / 2] ^= 0x5a;
		Files.write(damaged, bytes);
		Files.copy(backup.resolveSibling(backup.getFileName() + ".sha256"),
				damaged.resolveSibling(damaged.getFileName() + ".sha256"));
		assertThatThrownBy(() -> RunningStore.start(work.resolve("never"), work.resolve("backups"),
				"backroom.demo=false", "restore=" + damaged))
			.rootCause()
			.isInstanceOf(RestoreRefused.class)
			.hasMessageContaining("is damaged");
	}

	/** A tracked item's stock plus the units of it on orders: the same before and after any number of sales. */
	private static long stockAndSold(JdbcClient db, long itemId) {
		return db.sql("SELECT stock_on_hand + (SELECT coalesce(sum(quantity), 0) FROM sales_order_lines"
				+ " WHERE item_id = items.id) FROM items WHERE id = ?").param(itemId).query(Long.class).single();
	}

	private static BigDecimal sum(JdbcClient db, String sql) {
		return db.sql(sql).query(BigDecimal.class).single();
	}

	private static BigDecimal manifestSum(Manifest manifest, String table, String column) {
		return new BigDecimal(table(manifest, table).sums().get(column));
	}

	private static long rows(Manifest manifest, String table) {
		return table(manifest, table).rows();
	}

	private static TableDump table(Manifest manifest, String name) {
		return manifest.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	static Manifest manifest(Path backup) throws Exception {
		try (ZipFile zip = new ZipFile(backup.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
			return JSON.readValue(in, Manifest.class);
		}
	}

}
