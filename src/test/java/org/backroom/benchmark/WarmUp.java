package org.backroom.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import org.backroom.benchmark.HotPaths.HotPath;

/**
 * Runs every hot path, both sides at random at concurrency 8, until the JIT compiler has compiled what they run,
 * before anything is measured. Backroom runs inside the benchmark's JVM, freshly started: measured cold, the first
 * paths paid for the compiler (a C2 thread busy for tens of seconds on one of the two cores), and a picker's p50
 * through the API was 7.9 ms where a server that has run for an hour answers in 2.2. A store's server runs for days,
 * so the figures that matter are the compiled ones.
 *
 * <p>Quiet means the compiler worked for less than {@link #QUIET} of a round's time; the warm-up stops then, or at
 * its limit, and says which.
 */
final class WarmUp {

	/** The share of one round's wall time that the compiler may still spend compiling. */
	static final double QUIET = 0.02;

	/** What the warm-up did: how long it ran, how long the compiler worked meanwhile, and whether it went quiet. */
	record Result(double seconds, double compileSeconds, double lastRoundShare, long errors) {

		boolean quiet() {
			return lastRoundShare < QUIET;
		}

		String line() {
			return "Warm-up: %.0f s of every path at concurrency 8 (%,d failed), the JIT compiling %.1f s of it; %s"
				.formatted(seconds, errors, compileSeconds, quiet() ? "quiet at the end (%.1f%% of the last round)"
						.formatted(lastRoundShare * 100) : "STILL COMPILING at the limit (%.0f%% of the last round)"
						.formatted(lastRoundShare * 100));
		}

	}

	private WarmUp() {
	}

	static Result run(List<HotPath> paths, Duration round, Duration limit) throws Exception {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
			throw new IllegalStateException("This JVM does not say how long its JIT compiles: run the benchmark on HotSpot");
		}
		long began = System.nanoTime();
		long compiledBefore = jit.getTotalCompilationTime();
		double share = 1;
		long errors = 0;
		LoadDriver driver = new LoadDriver(8);
		try {
			long seed = 3;
			while (share >= QUIET && System.nanoTime() - began < limit.toNanos()) {
				long roundBegan = System.nanoTime();
				long compiled = jit.getTotalCompilationTime();
				errors += driver.run(round, seed++, bothSides(paths)).errors();
				share = (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - roundBegan) / 1e6);
			}
		}
		finally {
			driver.close();
		}
		return new Result((System.nanoTime() - began) / 1e9, (jit.getTotalCompilationTime() - compiledBefore) / 1e3,
				share, errors);
	}

	private static LoadDriver.Operation bothSides(List<HotPath> paths) {
		return (worker, random) -> {
			HotPath path = paths.get(random.nextInt(paths.size()));
			return (random.nextBoolean() ? path.api() : path.sql()).run(worker, random);
		};
	}

}
