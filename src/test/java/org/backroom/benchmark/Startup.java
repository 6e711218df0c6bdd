package org.backroom.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * How long Backroom took from the start of its start to the first answered request ({@code GET /actuator/health},
 * 200), on a store that was already loaded ({@code warm}) or an empty one, with the CPU the process used meanwhile
 * and the machine's load average: on a shared machine the wall time says more about the neighbours than about
 * Backroom, and the CPU seconds tell the two apart.
 *
 * @param contextSeconds until the application context was up (the web server listening, the runners done), from
 *        the process's start, as Spring Boot logs it
 * @param firstAnswerSeconds until the first request was answered, from the process's launch
 * @param cpuSeconds the CPU Backroom's process used until then
 * @param loadAverage the machine's one-minute load average when it answered
 * @param warm whether the store existed (a restart) rather than being created empty
 * @param machine how the machine was when Backroom was launched: a restart is launched once it is quiet
 *        ({@link QuietMachine}); null for a first start, which is not timed against a target
 */
record Startup(double contextSeconds, double firstAnswerSeconds, double cpuSeconds, double loadAverage, boolean warm,
		@Nullable QuietMachine machine) {

	/** The target for a warm restart of the 1m store. */
	static final double TARGET_SECONDS = 10;

	String line() {
		return String.format(Locale.ROOT, "Backroom started in %.1f s, first answer after %.1f s (%s store; JVM CPU %.1f s,"
				+ " load average %.1f%s)", contextSeconds, firstAnswerSeconds, warm ? "loaded" : "empty", cpuSeconds,
				loadAverage, machine == null ? "" : "; launched on a machine " + machine.line());
	}

	/** A row of the report's table: the first-answer time in the API p50 column. */
	String row() {
		String target = !warm ? "– (empty store)" : firstAnswerSeconds <= TARGET_SECONDS ? "met: ≤ 10 s" : "MISSED: ≤ 10 s";
		String launched = machine == null ? "" : String.format(Locale.ROOT, "; launched %s", machine.quiet()
				? "on a quiet machine" : "on a machine still " + Math.round(machine.busy() * 100) + "% busy");
		return String.format(Locale.ROOT, "| %s restart to first answer (s; JVM CPU %.1f s, load %.1f%s) | 1 | %.1f | | | | |"
				+ " | | | 0 | %s |", warm ? "warm" : "cold", cpuSeconds, loadAverage, launched, firstAnswerSeconds,
				target);
	}

	/**
	 * Polls until the first request is answered (for at most five minutes), every few milliseconds: until its port
	 * listens, a request is refused at once. The time counts from the process's launch.
	 */
	static Startup firstAnswer(ServerProcess server, boolean warm, @Nullable QuietMachine machine)
			throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(server.base() + "/actuator/health"))
			.timeout(Duration.ofSeconds(30))
			.build();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (!answered(http, health)) {
			server.requireAlive();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Backroom did not answer " + health.uri() + " within 5 minutes");
			}
			TimeUnit.MILLISECONDS.sleep(5);
		}
		double answered = (System.nanoTime() - server.launchedNanos()) / 1e9;
		return new Startup(server.startedAfterSeconds(), answered, server.cpuSeconds(), machineLoad(), warm, machine);
	}

	private static boolean answered(HttpClient http, HttpRequest health) throws InterruptedException {
		try {
			return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			// not listening yet
			return false;
		}
	}

	private static double machineLoad() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		}
	}

}
