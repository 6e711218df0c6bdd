package org.backroom.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.backroom.benchmark.HotPaths.HotPath;
import org.backroom.benchmark.LoadDriver.Sample;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: loads a store of the chosen scale (once; a second run reuses it), starts Backroom on it in a
 * process of its own ({@link ServerProcess}), and measures every hot path through the API and as bare SQL,
 * alternating the two, at concurrency 1 and 8. Writes
 * {@code report.md} and {@code report.json} and fails when a path's plan scans a large table sequentially.
 */
final class Harness {

	static final String OWNER_PASSWORD = "benchmark-owner-password";

	static final int[] CONCURRENCY = { 1, 8 };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long a restart waits for the machine to be quiet before it is timed anyway (and said not to be). */
	private static final Duration QUIET_AT_MOST = Duration.ofSeconds(90);

	private final Scale scale;

	private final Path dir;

	Harness(Scale scale, Path dir) {
		this.scale = scale;
		this.dir = dir;
	}

	/** What a run found: its measurements and plans, how long loading and starting took, memory under load. */
	record Report(Scale scale, List<Measurement> measurements, List<PlanCheck.Plan> plans, double loadSeconds,
			Startup startup, WarmUp.Result warmUp, MemorySoak.Result memory) {

		double startSeconds() {
			return startup.contextSeconds();
		}

		List<String> largeSeqScans() {
			return plans.stream().flatMap(plan -> plan.largeSeqScans().stream().map(t -> plan.path() + ": " + t)).toList();
		}

	}

	Report run() throws Exception {
		Path data = dir.resolve("data-" + scale.name());
		Path marker = data.resolve("loaded.json");
		if (Files.exists(data) && !Files.exists(marker)) {
			log("an earlier load of " + data + " did not finish: starting over");
			deleteTree(data);
		}
		boolean warm = Files.exists(marker);
		Files.createDirectories(dir);
		QuietMachine machine = warm ? QuietMachine.await(QUIET_AT_MOST) : null;
		try (ServerProcess backroom = ServerProcess.start(data, dir.resolve("backroom-" + scale.name() + ".log"),
				OWNER_PASSWORD)) {
			Startup startup = Startup.firstAnswer(backroom, warm, machine);
			log(startup.line());
			String jdbcUrl = backroom.jdbcUrl();
			double loadSeconds = warm ? loadedIn(marker) : load(jdbcUrl, marker);
			return measure(jdbcUrl, backroom, loadSeconds, startup);
		}
	}

	private double load(String jdbcUrl, Path marker) throws SQLException, IOException {
		log("loading %,d customers, %,d items, %,d orders with %,d lines".formatted(scale.customers(), scale.items(),
				scale.orders(), scale.lines()));
		long began = System.nanoTime();
		CpuClock.Reading cpu;
		try (Connection db = DriverManager.getConnection(jdbcUrl)) {
			CpuClock clock = CpuClock.of(db);
			CpuClock.Reading start = clock.read();
			new DataGenerator(db, scale).load();
			cpu = clock.read().since(start);
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		log("loaded in %.1f s (CPU: PostgreSQL %.1f s, JVM %.1f s)".formatted(seconds, cpu.postgres(), cpu.jvm()));
		Files.writeString(marker, JSON.writeValueAsString(Map.of("scale", scale.name(), "loadSeconds", seconds,
				"postgresCpuSeconds", cpu.postgres(), "jvmCpuSeconds", cpu.jvm())));
		return seconds;
	}

	private static double loadedIn(Path marker) throws IOException {
		return JSON.readTree(Files.readString(marker)).path("loadSeconds").asDouble();
	}

	private Report measure(String jdbcUrl, ServerProcess backroom, double loadSeconds, Startup startup)
			throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		String base = backroom.base();
		String token = token(http, base);
		ServerTime server = new ServerTime(backroom, token);
		Connection[] connections = new Connection[CONCURRENCY[CONCURRENCY.length - 1]];
		try (TillHttp till = new TillHttp(base, Duration.ofSeconds(60))) {
			for (int i = 0; i < connections.length; i++) {
				connections[i] = DriverManager.getConnection(jdbcUrl);
			}
			Workload work = Workload.sample(connections[0], scale);
			long cashier = cashier(connections[0]);
			List<HotPath> paths = chosen(new HotPaths(till, token, connections, work, cashier).all());
			List<PlanCheck.Plan> plans = new ArrayList<>();
			for (HotPath path : paths) {
				PlanCheck.Plan plan = PlanCheck.explain(connections[0], path.name(), path.explain());
				System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) of " + path.name() + ":\n" + plan.text());
				plans.add(plan);
			}
			WarmUp.Result warmUp = WarmUp.run(paths, scale.phase(), warmUpLimit(), backroom);
			log(warmUp.line());
			List<Measurement> measurements = new ArrayList<>();
			for (HotPath path : paths) {
				for (int concurrency : CONCURRENCY) {
					Measurement measured = measure(path, concurrency, server);
					log(Measurement.header().lines().findFirst().orElseThrow() + "\n" + measured.row());
					measurements.add(measured);
				}
			}
			MemorySoak.Result memory = MemorySoak.run(paths, soak(), soak().dividedBy(10), backroom, token);
			log("memory: heap %s, RSS %s".formatted(memory.heapFlat() ? "flat" : "GREW", memory.rssFlat() ? "flat" : "GREW"));
			if (PATHS.isEmpty()) {
				new BulkUnderLoad(http, backroom, token, connections[0]).measure(
						new HotPaths(till, token, connections, work, cashier), scale, dir);
			}
			else {
				log("bulk deactivation under load not measured: only " + PATHS + " asked for");
			}
			return new Report(scale, measurements, plans, loadSeconds, startup, warmUp, memory);
		}
		finally {
			for (Connection connection : connections) {
				if (connection != null) {
					connection.close();
				}
			}
		}
	}

	/**
	 * {@code -Dbenchmark.paths=lookup,impact} measures only the paths whose names contain one of those words (and
	 * leaves out the bulk deactivation under load), to look again at one path without the whole run's 20 minutes.
	 */
	private static final List<String> PATHS = Stream.of(System.getProperty("benchmark.paths", "").split(","))
		.map(String::strip)
		.filter(word -> !word.isEmpty())
		.toList();

	private static List<HotPath> chosen(List<HotPath> paths) {
		List<HotPath> chosen = paths.stream()
			.filter(path -> PATHS.isEmpty() || PATHS.stream().anyMatch(word -> path.name().contains(word)))
			.toList();
		if (chosen.isEmpty()) {
			throw new IllegalArgumentException("No hot path's name contains any of " + PATHS + "; the paths are "
					+ paths.stream().map(HotPath::name).toList());
		}
		return chosen;
	}

	/** {@code -Dbenchmark.warmup=600} to let the JIT settle for longer; by default the scale's (5 minutes at 1m). */
	private Duration warmUpLimit() {
		String seconds = System.getProperty("benchmark.warmup", "");
		return seconds.isBlank() ? scale.warmUp()
				: Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000));
	}

	/** {@code -Dbenchmark.soak=600} for ten minutes; by default ten phases of the scale (two seconds for the smoke). */
	private Duration soak() {
		String seconds = System.getProperty("benchmark.soak", "");
		return seconds.isBlank() ? scale.phase().multipliedBy(10)
				: Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000));
	}

	/** A short warm-up of both sides, then rounds that alternate them (API first, then SQL first, …). */
	private Measurement measure(HotPath path, int concurrency, ServerTime server) throws Exception {
		LoadDriver driver = new LoadDriver(concurrency);
		try {
			Duration warmUp = scale.phase().dividedBy(2);
			driver.run(warmUp, 1, path.api());
			driver.run(warmUp, 1, path.sql());
			List<Sample> api = new ArrayList<>();
			List<Sample> sql = new ArrayList<>();
			ServerTime.Reading served = ServerTime.NONE;
			for (int round = 0; round < scale.rounds(); round++) {
				long seed = 100 + round;
				if (round % 2 != 0) {
					sql.add(driver.run(scale.phase(), seed, path.sql()));
				}
				ServerTime.Reading before = server.read();
				api.add(driver.run(scale.phase(), seed, path.api()));
				served = served.plus(server.read().since(before));
				if (round % 2 == 0) {
					sql.add(driver.run(scale.phase(), seed, path.sql()));
				}
			}
			return new Measurement(path.name(), concurrency, Sample.merge(api), Sample.merge(sql), served.meanMillis());
		}
		finally {
			driver.close();
		}
	}

	private static String token(HttpClient http, String base) throws Exception {
		String basic = Base64.getEncoder().encodeToString(("admin:" + OWNER_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/me/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("Could not create an API token: " + created.statusCode() + " " + created.body());
		}
		return JSON.readTree(created.body()).path("token").asString();
	}

	private static long cashier(Connection db) throws SQLException {
		try (var statement = db.createStatement();
				var rs = statement.executeQuery("SELECT id FROM staff WHERE username = 'admin'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Prints the table and writes {@code report.md} and {@code report.json} next to the data. */
	static void write(Report report, Path dir) throws IOException {
		StringBuilder md = new StringBuilder("# Backroom benchmark, scale ").append(report.scale().name()).append("\n\n")
			.append("%,d customers, %,d items, %,d orders, %,d lines; loaded in %.0f s; "
				.formatted(report.scale().customers(), report.scale().items(), report.scale().orders(),
						report.scale().lines(), report.loadSeconds()))
			.append("%d × %d s per side, %d cores.\n\n".formatted(report.scale().rounds(),
					report.scale().phase().toMillis() / 1000, Runtime.getRuntime().availableProcessors()))
			.append(PATHS.isEmpty() ? "" : "Only the paths named with " + PATHS + " (-Dbenchmark.paths).\n\n")
			.append(report.warmUp().line()).append(".\n\n")
			.append(Measurement.header()).append('\n');
		report.measurements().forEach(m -> md.append(m.row()).append('\n'));
		md.append(report.startup().row()).append('\n');
		md.append("\nSequential scans of tables over ").append(PlanCheck.LARGE_TABLE).append(" rows: ")
			.append(report.largeSeqScans().isEmpty() ? "none" : String.join(", ", report.largeSeqScans())).append("\n");
		md.append(report.memory().markdown());
		md.append("\n## Plans: EXPLAIN (ANALYZE, BUFFERS) of each path's main statements\n");
		report.plans().forEach(plan -> md.append("\n### ").append(plan.path()).append("\n\n```\n").append(plan.text())
			.append("```\n"));
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("report.md"), md);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scale", report.scale().name());
		json.put("loadSeconds", report.loadSeconds());
		json.put("startSeconds", report.startSeconds());
		json.put("startup", report.startup());
		json.put("warmUp", report.warmUp());
		json.put("memory", Map.of("heapFlat", report.memory().heapFlat(), "rssFlat", report.memory().rssFlat(),
				"readings", report.memory().readings()));
		json.put("measurements", report.measurements().stream().map(Measurement::json).toList());
		json.put("largeSeqScans", report.largeSeqScans());
		Files.writeString(dir.resolve("report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
		System.out.println("\n" + md.substring(0, md.indexOf("\n## Plans")));
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void log(String message) {
		System.out.println("[benchmark] " + message);
	}

}
