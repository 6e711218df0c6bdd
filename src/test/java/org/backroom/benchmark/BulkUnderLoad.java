package org.backroom.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.backroom.benchmark.LoadDriver.Operation;
import org.backroom.benchmark.LoadDriver.Sample;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk deactivation of up to 100,000 customers through the API (a job of set-based batches, records/s) beside the
 * one set-based UPDATE of the same rows: first in an idle store, with the CPU the job took, Backroom's and
 * PostgreSQL's, until its audit entries were sealed and its events sequenced; then again while a cashier sells and
 * another looks customers up, with what the job did to their p99 (alone, and while it runs). The customers are made
 * for the run and removed after it, so the store stays as loaded. Writes {@code bulk.md} and {@code bulk.json}
 * beside the main report.
 */
final class BulkUnderLoad {

	static final int MAX_RECORDS = 100_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DEACTIVATE = """
			UPDATE customers SET status = 'INACTIVE', status_reason = 'benchmark, bare', status_changed_at = now(),
			       version = version + 1, updated_at = now()
			WHERE id = ANY (CAST(? AS bigint[])) AND status = 'ACTIVE' AND NOT is_system""";

	/**
	 * The job in an idle store: its seconds, and the CPU seconds Backroom's process and PostgreSQL's took from its
	 * start until its entries were sealed and its events sequenced.
	 */
	record Idle(double seconds, double backroomCpu, double postgresCpu) {

		/** The cores that {@code rate} records a second would keep busy, at this CPU per record. */
		double coresAt(int records, double rate) {
			return (backroomCpu + postgresCpu) / records * rate;
		}

	}

	/** What a run found. */
	record Result(int records, Idle idle, double jobSeconds, double sqlSeconds, Sample saleAlone, Sample saleDuring,
			Sample pickerAlone, Sample pickerDuring) {

		String table() {
			return "| bulk deactivation | records | seconds | records/s |\n|---|--:|--:|--:|\n"
					+ row("through the API, the store idle (job, set-based batches)", idle.seconds())
					+ row("through the API, beside a cashier and a picker at work", jobSeconds)
					+ row("one set-based UPDATE, bare SQL", sqlSeconds)
					+ String.format(Locale.ROOT, "%nCPU per record, the store idle (the job, then sealing its audit entries"
							+ " and sequencing its events): Backroom %.0f µs, PostgreSQL %.0f µs; 10,000 records/s would"
							+ " keep %.1f cores busy (this machine has %d).%n", idle.backroomCpu() / records * 1e6,
							idle.postgresCpu() / records * 1e6, idle.coresAt(records, 10_000),
							Runtime.getRuntime().availableProcessors())
					+ "\n| while the job runs (1 cashier each) | p50 ms alone | p99 ms alone | p50 ms during | p99 ms during "
					+ "| p99 during/alone | target |\n|---|--:|--:|--:|--:|--:|---|\n" + load("sale, 3 lines", saleAlone,
							saleDuring)
					+ load("customer lookup", pickerAlone, pickerDuring);
		}

		private String row(String what, double seconds) {
			return String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f |%n", what, records, seconds, records / seconds);
		}

		private static String load(String path, Sample alone, Sample during) {
			double ratio = during.percentileMillis(99) / alone.percentileMillis(99);
			return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n", path,
					alone.percentileMillis(50), alone.percentileMillis(99), during.percentileMillis(50),
					during.percentileMillis(99), ratio, (ratio <= 2 ? "met" : "MISSED") + ": p99 ≤ 2× alone");
		}

	}

	private final HttpClient http;

	private final String base;

	private final String token;

	private final Connection db;

	private final ServerProcess server;

	BulkUnderLoad(HttpClient http, ServerProcess server, String token, Connection db) {
		this.http = http;
		this.server = server;
		this.base = server.base();
		this.token = token;
		this.db = db;
	}

	Result measure(HotPaths paths, Scale scale, Path dir) throws Exception {
		int records = Math.min(MAX_RECORDS, scale.customers());
		List<Long> ids = insertCustomers(records);
		try {
			double sqlSeconds = bareUpdate(ids);
			Idle idle = alone(ids);
			reactivate(ids);
			Duration phase = scale.phase().multipliedBy(2);
			Operation sale = paths.sale().api();
			Operation picker = paths.customerLookup().api();
			CompletableFuture<Sample> saleAlone = CompletableFuture.supplyAsync(() -> drive(phase, sale, null));
			Sample pickerAlone = drive(phase, picker, null);
			Sample saleAloneSample = saleAlone.join();
			AtomicBoolean done = new AtomicBoolean();
			long job = start(ids);
			CompletableFuture<Sample> saleDuring = CompletableFuture.supplyAsync(() -> drive(phase, sale, done));
			CompletableFuture<Sample> pickerDuring = CompletableFuture.supplyAsync(() -> drive(phase, picker, done));
			awaitDone(job);
			done.set(true);
			Result result = new Result(records, idle, jobSeconds(job), sqlSeconds, saleAloneSample, saleDuring.join(),
					pickerAlone, pickerDuring.join());
			write(result, dir);
			return result;
		}
		finally {
			delete(ids);
		}
	}

	private List<Long> insertCustomers(int records) throws SQLException {
		List<Long> ids = new ArrayList<>(records);
		try (var insert = db.prepareStatement("INSERT INTO customers (name, email) SELECT 'Bulk Benchmark ' || g,"
				+ " 'bulk.benchmark.' || g || '@example.com' FROM generate_series(1, ?) AS g RETURNING id")) {
			insert.setInt(1, records);
			try (var rs = insert.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
		}
		analyze();
		return ids;
	}

	/** The floor: one UPDATE of every row, committed; then put back (not measured) for the job. */
	private double bareUpdate(List<Long> ids) throws SQLException {
		long began = System.nanoTime();
		try (var update = db.prepareStatement(DEACTIVATE)) {
			update.setString(1, array(ids));
			update.executeUpdate();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		reactivate(ids);
		return seconds;
	}

	/** Puts the customers back as they were made, for the next measurement (not measured). */
	private void reactivate(List<Long> ids) throws SQLException {
		try (var revert = db.prepareStatement("UPDATE customers SET status = 'ACTIVE', status_reason = NULL"
				+ " WHERE id = ANY (CAST(? AS bigint[]))")) {
			revert.setString(1, array(ids));
			revert.executeUpdate();
		}
		analyze();
	}

	/** The job with nobody else at work, and what it cost until the chain and the feed had caught up with it. */
	private Idle alone(List<Long> ids) throws Exception {
		CpuClock postgres = CpuClock.of(db);
		double backroomBefore = server.cpuSeconds();
		double postgresBefore = postgres.read().postgres();
		long job = start(ids);
		awaitDone(job);
		awaitSealedAndSequenced();
		return new Idle(jobSeconds(job), server.cpuSeconds() - backroomBefore, postgres.read().postgres() - postgresBefore);
	}

	/** Until no audit entry waits for the chain and no event for its place in the feed. */
	private void awaitSealedAndSequenced() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		try (var waiting = db.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_log WHERE chain_seq IS NULL)"
				+ " OR EXISTS (SELECT 1 FROM events WHERE seq IS NULL)")) {
			while (System.nanoTime() < deadline) {
				try (var rs = waiting.executeQuery()) {
					rs.next();
					if (!rs.getBoolean(1)) {
						return;
					}
				}
				// The sealer and the sequencer run every 150 ms; this reads what they left, as a monitor would.
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("The bulk job's audit entries or events were still waiting after 5 minutes");
	}

	/** Phases of a closed loop, one after the other, for the time given or, with {@code until}, until it is set. */
	private static Sample drive(Duration phase, Operation operation, AtomicBoolean until) {
		LoadDriver driver = new LoadDriver(1);
		try {
			List<Sample> samples = new ArrayList<>();
			do {
				samples.add(driver.run(until == null ? phase : Duration.ofMillis(250), samples.size() + 7, operation));
			}
			while (until != null && !until.get());
			return Sample.merge(samples);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			driver.close();
		}
	}

	private long start(List<Long> ids) throws Exception {
		String body = "{\"recordKind\":\"customer\",\"action\":\"deactivate\",\"reason\":\"benchmark\",\"ids\":["
				+ ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
		HttpResponse<String> started = http.send(request("/api/bulk-jobs").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (started.statusCode() != 202) {
			throw new IllegalStateException("The bulk job did not start: " + started.statusCode() + " " + started.body());
		}
		return JSON.readTree(started.body()).path("id").asLong();
	}

	private void awaitDone(long job) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> got = http.send(request("/api/bulk-jobs/" + job).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if ("DONE".equals(JSON.readTree(got.body()).path("status").asString())) {
				return;
			}
			// Polling the job's status is the condition itself: a person watching its page does the same.
			Thread.sleep(200);
		}
		throw new IllegalStateException("Bulk job " + job + " did not finish in 15 minutes");
	}

	/** From the job's start to its last batch's commit, as the database recorded them. */
	private double jobSeconds(long job) throws SQLException {
		try (var query = db.prepareStatement("SELECT extract(epoch FROM finished_at - started_at), done"
				+ " FROM bulk_jobs WHERE id = ?")) {
			query.setLong(1, job);
			try (var rs = query.executeQuery()) {
				rs.next();
				return rs.getDouble(1);
			}
		}
	}

	private void delete(List<Long> ids) throws SQLException {
		try (var delete = db.prepareStatement("DELETE FROM customers WHERE id = ANY (CAST(? AS bigint[]))")) {
			delete.setString(1, array(ids));
			delete.executeUpdate();
		}
		analyze();
	}

	private void analyze() throws SQLException {
		try (var statement = db.createStatement()) {
			statement.execute("VACUUM ANALYZE customers");
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(60));
	}

	private static String array(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static void write(Result result, Path dir) throws IOException {
		String table = result.table();
		System.out.println("\n" + table);
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("bulk.md"), "# Bulk deactivation under load\n\n" + table);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("records", result.records());
		json.put("idleJobSeconds", result.idle().seconds());
		json.put("idleApiRecordsPerSecond", result.records() / result.idle().seconds());
		json.put("idleBackroomCpuMicrosPerRecord", result.idle().backroomCpu() / result.records() * 1e6);
		json.put("idlePostgresCpuMicrosPerRecord", result.idle().postgresCpu() / result.records() * 1e6);
		json.put("jobSeconds", result.jobSeconds());
		json.put("apiRecordsPerSecond", result.records() / result.jobSeconds());
		json.put("sqlSeconds", result.sqlSeconds());
		json.put("sqlRecordsPerSecond", result.records() / result.sqlSeconds());
		json.put("saleP99MillisAlone", result.saleAlone().percentileMillis(99));
		json.put("saleP99MillisDuring", result.saleDuring().percentileMillis(99));
		json.put("pickerP99MillisAlone", result.pickerAlone().percentileMillis(99));
		json.put("pickerP99MillisDuring", result.pickerDuring().percentileMillis(99));
		Files.writeString(dir.resolve("bulk.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
	}

}
