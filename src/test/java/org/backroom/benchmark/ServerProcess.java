package org.backroom.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.backroom.support.BackroomProcess;
import org.jspecify.annotations.Nullable;

/**
 * Backroom as the benchmark runs it: a process of its own, as a store deploys it (the built jar, extracted for a
 * deployment, when the build passes one as {@code benchmark.jar}, as the {@code benchmark} profile does; otherwise
 * this build's classes, for the smoke that runs before there is a jar), with the JVM's defaults and its own heap,
 * so that the load driver's garbage never pauses it. What the harness reads of it comes from outside, as an
 * operator would read it: {@code /proc/<pid>} for its CPU, threads and resident set, {@code /actuator/prometheus}
 * for its own request timers and heap, {@code jcmd} for a full collection, and the embedded PostgreSQL's
 * {@code postmaster.pid} for the database to measure the bare SQL against. {@code -Dbenchmark.server.jvm="-Xlog:gc:file=gc.log"} adds JVM options.
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern
		.compile("Started BackroomApplication in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

	private final BackroomProcess process;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Path data;

	private final Path log;

	private final long launchedNanos;

	private final Thread stopAtExit;

	private ServerProcess(BackroomProcess process, Path data, Path log, long launchedNanos) {
		this.process = process;
		this.data = data;
		this.log = log;
		this.launchedNanos = launchedNanos;
		// A benchmark stopped by hand (Ctrl-C) stops its Backroom too, and with it the database.
		this.stopAtExit = new Thread(() -> {
			try {
				process.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "stop-benchmarked-backroom");
		Runtime.getRuntime().addShutdownHook(stopAtExit);
	}

	static ServerProcess start(Path data, Path log, String ownerPassword) throws IOException, InterruptedException {
		String jar = System.getProperty("benchmark.jar", "");
		List<String> jvm = Stream.of(System.getProperty("benchmark.server.jvm", "").split(" "))
			.filter(option -> !option.isBlank())
			.toList();
		Path launched = jar.isBlank() ? null : extracted(Path.of(jar), log.resolveSibling("server"));
		long launchedNanos = System.nanoTime();
		BackroomProcess process = BackroomProcess.launch(launched, jvm,
				List.of("--backroom.data.dir=" + data.toAbsolutePath(), "--server.address=127.0.0.1",
						"--backroom.demo=false", "--backroom.trash.purge-cron=-",
						"--backroom.sign-in.admin-password=" + ownerPassword, "--spring.main.banner-mode=off",
						"--logging.level.org.springframework=WARN"),
				log);
		return new ServerProcess(process, data, log, launchedNanos);
	}

	/**
	 * The jar extracted as Spring Boot's tools lay it out for a deployment ({@code java -Djarmode=tools -jar … extract}:
	 * a jar of Backroom's classes beside its libraries, as the container image holds them too), instead of classes
	 * loaded from jars nested in the jar, which cost a start a third of its CPU.
	 */
	private static Path extracted(Path jar, Path destination) throws IOException, InterruptedException {
		run(Duration.ofMinutes(2), BackroomProcess.java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
				"extract", "--force", "--destination", destination.toAbsolutePath().toString());
		return destination.resolve(jar.getFileName());
	}

	/** When it was launched, by {@link System#nanoTime()}. */
	long launchedNanos() {
		return launchedNanos;
	}

	String base() {
		return "http://127.0.0.1:" + process.port();
	}

	/** Whether it still runs: a process that died while starting is reported with its log, not waited for. */
	void requireAlive() {
		if (!process.isAlive()) {
			throw new IllegalStateException("Backroom exited while the benchmark waited for it; its log " + log + ":\n"
					+ process.log());
		}
	}

	/** The seconds from the process's start to its context's, as Spring Boot logged them; NaN before that. */
	double startedAfterSeconds() {
		Matcher started = STARTED.matcher(process.log());
		return started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
	}

	/** The embedded PostgreSQL it started, from the port its postmaster wrote beside its data. */
	String jdbcUrl() throws IOException {
		List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
		return "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/backroom?user=postgres";
	}

	long pid() {
		return process.pid();
	}

	/** Its CPU so far (user and system) from {@code /proc/<pid>/stat}. */
	double cpuSeconds() {
		return CpuClock.cpuSeconds(pid());
	}

	/** Its resident set from {@code /proc/<pid>/status}. */
	double rssMib() throws IOException {
		for (String line : Files.readAllLines(proc().resolve("status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("No VmRSS in " + proc().resolve("status"));
	}

	/** The heap in use after a full collection, which {@code jcmd <pid> GC.run} asks it for. */
	double heapAfterCollectionMib(String token) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (!Files.isExecutable(jcmd)) {
			throw new IllegalStateException("The memory soak asks Backroom for a full collection with " + jcmd
					+ ", which this Java lacks: run the build on a JDK, not a JRE");
		}
		run(Duration.ofMinutes(1), jcmd.toString(), String.valueOf(pid()), "GC.run");
		return metric(metrics(token), "jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0;
	}

	/** Runs a tool to its end, its output in a temporary file; fails with that output if it fails or hangs. */
	private static void run(Duration timeout, String... command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("benchmark-tool", ".log");
		try {
			Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				tool.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout + ": "
						+ Files.readString(output));
			}
			if (tool.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (" + tool.exitValue() + "): "
						+ Files.readString(output));
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/** Its {@code /actuator/prometheus}, read with a token whose role holds {@code metrics.view}. */
	String metrics(String token) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + token)
			// The plain text format: OpenMetrics would add exemplars after a sample's value.
			.header("Accept", "text/plain;version=0.0.4")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	/** The sum of a metric's samples whose labels contain {@code labels} (and not {@code unless}, when given). */
	static double metric(String prometheus, String name, String labels) {
		return metric(prometheus, name, labels, null);
	}

	static double metric(String prometheus, String name, String labels, @Nullable String unless) {
		double sum = 0;
		for (String line : prometheus.split("\n")) {
			if (line.startsWith(name + "{") && line.contains(labels) && (unless == null || !line.contains(unless))) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).strip().split(" ")[0]);
			}
		}
		return sum;
	}

	/** The CPU time so far of each of its JIT compiler threads (HotSpot's "C1 CompilerThread0", …), by id. */
	Map<String, Long> compilerThreads() {
		return compilerThreads(proc());
	}

	/** The compiler threads of the process at {@code proc} ({@code /proc/self} for the benchmark's own JVM). */
	static Map<String, Long> compilerThreads(Path proc) {
		Path tasks = proc.resolve("task");
		if (!Files.isDirectory(tasks)) {
			throw new IllegalStateException("The warm-up reads the compiler's CPU from /proc: run the benchmark on Linux");
		}
		Map<String, Long> compilers = new HashMap<>();
		try (Stream<Path> threads = Files.list(tasks)) {
			threads.forEach(thread -> compilerCpuNanos(thread).ifPresent(nanos -> compilers.put(thread.toString(), nanos)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (compilers.isEmpty()) {
			// Without them every round would look quiet, and the warm-up would end before it began.
			throw new IllegalStateException("No JIT compiler thread found in " + tasks + ": run on HotSpot");
		}
		return compilers;
	}

	private static Optional<Long> compilerCpuNanos(Path thread) {
		try {
			if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
				return Optional.empty();
			}
			return Optional.of(Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[0]));
		}
		catch (IOException ex) {
			// The thread ended between the listing and the read: it compiles nothing any more.
			return Optional.empty();
		}
	}

	private Path proc() {
		return Path.of("/proc", String.valueOf(pid()));
	}

	/** SIGTERM, so that it stops its database with a checkpoint and the next run starts warm. */
	@Override
	public void close() throws InterruptedException {
		Runtime.getRuntime().removeShutdownHook(stopAtExit);
		process.close();
	}

}
