package org.backroom.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Backroom as a store runs it: {@code java -jar target/backroom-*.jar} in a process of its own, on a free port, with
 * its output in a file. For tests that kill it with real signals ({@link #kill()} is SIGKILL, {@link #terminate()}
 * SIGTERM), which run after {@code package}, so only in integration tests ({@code *IT}); and for the benchmark
 * ({@link #launch}), whose smoke runs before there is a jar.
 */
public final class BackroomProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private final int port;

	private BackroomProcess(Process process, Path output, int port) {
		this.process = process;
		this.output = output;
		this.port = port;
	}

	/** Starts the built jar with these environment variables and arguments added to the usual test ones. */
	public static BackroomProcess start(String name, Map<String, String> environment, String... arguments)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
				"--server.port=" + port, "--backroom.demo=false", "--backroom.trash.purge-cron=-",
				"--backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD));
		command.addAll(List.of(arguments));
		Path output = Path.of("target", "it-logs", name + "-" + System.currentTimeMillis() + ".log");
		return start(command, environment, output, port);
	}

	/**
	 * Starts Backroom with the JVM's defaults (the compiler's included), these JVM options and only these arguments
	 * besides the port: from {@code jar} when one is given, otherwise from {@link #mainClassPath} (Backroom's classes
	 * as this build compiled them, and its runtime libraries).
	 */
	public static BackroomProcess launch(@Nullable Path jar, List<String> jvmOptions, List<String> arguments, Path output)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(jvmOptions);
		command.addAll(jar != null ? List.of("-jar", jar.toAbsolutePath().toString())
				: List.of("-cp", mainClassPath(), "org.backroom.BackroomApplication"));
		command.add("--server.port=" + port);
		command.addAll(arguments);
		return start(command, Map.of(), output, port);
	}

	private static BackroomProcess start(List<String> command, Map<String, String> environment, Path output, int port)
			throws IOException {
		Files.createDirectories(output.toAbsolutePath().getParent());
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		return new BackroomProcess(builder.start(), output, port);
	}

	/**
	 * Backroom's classes as this build compiled them and the libraries it runs with, without the tests' (whose
	 * configurations a plain application would pick up by its component scan): {@code target/classes} and the
	 * runtime class path the build wrote to {@code target/runtime-classpath.txt}.
	 */
	private static String mainClassPath() throws IOException {
		Path libraries = Path.of("target", "runtime-classpath.txt");
		if (!Files.isReadable(libraries)) {
			throw new IllegalStateException("No " + libraries.toAbsolutePath() + ": run through Maven (./mvnw verify),"
					+ " which writes it before the tests");
		}
		return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(libraries).strip();
	}

	/** This JVM's {@code java} command, to start others with. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public int port() {
		return port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** A client signed in as the owner with a password. */
	public Api api() {
		return new Api(port).as("admin", ApiTest.ADMIN_PASSWORD);
	}

	/** Waits until health answers UP; fails at once with the log if the process ends first. */
	public BackroomProcess awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("Backroom exited with " + process.exitValue() + " before it was healthy:\n" + log());
			}
			try {
				var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new AssertionError("Backroom was not healthy within " + timeout + ":\n" + log());
	}

	/** SIGKILL, as the kernel's OOM killer or a power cut would end it: no shutdown hook runs. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, as a service manager stops it; answers whether it exited within the timeout. */
	public boolean terminate(Duration timeout) throws InterruptedException {
		process.destroy();
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Waits for the process to end by itself; answers whether it did within the timeout. */
	public boolean awaitExit(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	public String log() {
		try {
			return Files.readString(output);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	/**
	 * SIGTERM, and SIGKILL if it has not stopped within a minute; then its children too (the embedded PostgreSQL),
	 * so that a Backroom that would not stop leaves no database running on a directory about to be deleted.
	 */
	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			terminate(Duration.ofSeconds(60));
		}
		if (process.isAlive()) {
			List<ProcessHandle> children = process.descendants().toList();
			kill();
			children.forEach(ProcessHandle::destroyForcibly);
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path jar() {
		File[] jars = new File("target").listFiles((dir, name) -> name.matches("backroom-.*\\.jar"));
		if (jars == null || jars.length == 0) {
			throw new IllegalStateException("No target/backroom-*.jar: integration tests run after package (./mvnw verify)");
		}
		return jars[0].toPath().toAbsolutePath();
	}

}
