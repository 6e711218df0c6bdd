package org.backroom.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Before a restart is timed: waits until the machine's cores have been mostly idle for a second. A run starts right
 * after Maven compiled and packaged Backroom, and the build's last seconds (its compiler, the test JVM it forks)
 * can keep a core of the two busy while Backroom starts, and a store's server restarts on a machine that is not
 * compiling it. (It is not all of the spread between runs: the 1m store's restart took 6.9 s in a run whose build
 * had nothing to compile and 10.2 s in one launched on a quiet machine, Backroom's own CPU 11.4 s and 16.3 s.)
 *
 * @param seconds how long it waited
 * @param busy the part of the machine's CPU busy (every process) in the last window before it returned
 * @param quiet whether it was quiet then, rather than given up on
 */
record QuietMachine(double seconds, double busy, boolean quiet) {

	/** Quiet: less than a quarter of all cores busy, over two windows in a row. */
	static final double QUIET = 0.25;

	/** The window over which the machine's CPU is read, from {@code /proc/stat}. */
	private static final Duration WINDOW = Duration.ofMillis(500);

	/** Whether the machine is said to have been quiet, and how busy, for the report. */
	String line() {
		return String.format(Locale.ROOT, "%s after %.1f s, %.0f%% of the machine's CPU busy", quiet ? "quiet"
				: "NOT QUIET", seconds, busy * 100);
	}

	/** Waits at most {@code longest}; where {@code /proc/stat} cannot be read, it does not wait. */
	static QuietMachine await(Duration longest) throws InterruptedException {
		long began = System.nanoTime();
		long deadline = began + longest.toNanos();
		long[] before = ticks();
		if (before == null) {
			return new QuietMachine(0, Double.NaN, false);
		}
		int quietWindows = 0;
		double busy;
		do {
			// The CPU the machine used is read over this window: it is the measurement, not a guess at a condition.
			TimeUnit.NANOSECONDS.sleep(WINDOW.toNanos());
			long[] now = ticks();
			if (now == null) {
				return new QuietMachine((System.nanoTime() - began) / 1e9, Double.NaN, false);
			}
			busy = busy(before, now);
			before = now;
			quietWindows = busy < QUIET ? quietWindows + 1 : 0;
		}
		while (quietWindows < 2 && System.nanoTime() < deadline);
		return new QuietMachine((System.nanoTime() - began) / 1e9, busy, quietWindows >= 2);
	}

	/** Of the ticks between two readings, the part neither idle nor waiting for I/O. */
	static double busy(long[] before, long[] after) {
		long total = after[0] - before[0];
		long idle = after[1] - before[1];
		return total <= 0 ? 0 : (double) (total - idle) / total;
	}

	/** The machine's CPU ticks so far, all of them and the idle ones (idle and I/O wait), from {@code /proc/stat}. */
	private static long @Nullable [] ticks() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			// user nice system idle iowait irq softirq steal; guest time is already in user
			for (int field = 1; field <= 8 && field < cpu.length; field++) {
				total += Long.parseLong(cpu[field]);
			}
			return new long[] { total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]) };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
