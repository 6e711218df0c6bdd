package org.backroom.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backroom.benchmark.HotPaths.HotPath;

/**
 * Runs every hot path, both sides at random at concurrency 8, until the JIT compiler has compiled what they run,
 * before anything is measured. Backroom (its own process) and the load driver are freshly started: measured cold, the
 * first paths paid for the compiler (a C2 thread busy for tens of seconds on one of the two cores), and a picker's p50
 * through the API was 7.9 ms where a server that has run for a few minutes answers in 2.2. A store's server runs
 * for days, so the figures that matter are the compiled ones.
 *
 * <p>Quiet means the compiler threads of both JVMs used less than {@link #QUIET} of one core over a round; the
 * warm-up stops then, or at its limit, and says which. Their CPU time is read from
 * {@code /proc/<pid>/task/<id>/schedstat}: the
 * compilation time the JVM itself reports is wall time, which grows with the load that keeps the compiler waiting
 * for a core.
 */
final class WarmUp {

	/** The share of one core that the compiler threads may still use in a round. */
	static final double QUIET = 0.05;

	/** What the warm-up did: how long it ran, the compiler's CPU meanwhile, and its share of a core at the end. */
	record Result(double seconds, double compilerCpuSeconds, double lastRoundShare, long errors) {

		boolean quiet() {
			return lastRoundShare < QUIET;
		}

		String line() {
			return "Warm-up: %.0f s of every path at concurrency 8 (%,d failed), the JIT compiler using %.1f s of CPU; %s"
				.formatted(seconds, errors, compilerCpuSeconds, quiet()
						? "quiet at the end (%.0f%% of a core in the last round)".formatted(lastRoundShare * 100)
						: "STILL COMPILING at the limit (%.0f%% of a core in the last round)".formatted(lastRoundShare * 100));
		}

	}

	private WarmUp() {
	}

	static Result run(List<HotPath> paths, Duration round, Duration limit, ServerProcess server) throws Exception {
		long began = System.nanoTime();
		Map<String, Long> compiledBefore = compilerThreads(server);
		double share = 1;
		long errors = 0;
		LoadDriver driver = new LoadDriver(8);
		try {
			long seed = 3;
			while (share >= QUIET && System.nanoTime() - began < limit.toNanos()) {
				long roundBegan = System.nanoTime();
				Map<String, Long> compiled = compilerThreads(server);
				errors += driver.run(round, seed++, bothSides(paths)).errors();
				share = cpuBetween(compiled, compilerThreads(server)) / (double) (System.nanoTime() - roundBegan);
			}
		}
		finally {
			driver.close();
		}
		return new Result((System.nanoTime() - began) / 1e9, cpuBetween(compiledBefore, compilerThreads(server)) / 1e9, share,
				errors);
	}

	private static LoadDriver.Operation bothSides(List<HotPath> paths) {
		return (worker, random) -> {
			HotPath path = paths.get(random.nextInt(paths.size()));
			return (random.nextBoolean() ? path.api() : path.sql()).run(worker, random);
		};
	}

	/** The CPU time so far of each compiler thread of Backroom's JVM and of the benchmark's own, by id. */
	static Map<String, Long> compilerThreads(ServerProcess server) {
		Map<String, Long> threads = new HashMap<>(ServerProcess.compilerThreads(Path.of("/proc/self")));
		threads.putAll(server.compilerThreads());
		return threads;
	}

	/** The CPU the compiler threads used between two readings; HotSpot may start or stop some in between. */
	static long cpuBetween(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet().stream().mapToLong(now -> now.getValue() - before.getOrDefault(now.getKey(), 0L)).sum();
	}

}
