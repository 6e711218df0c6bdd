package org.backroom.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.backroom.benchmark.HotPaths.HotPath;

/**
 * Memory under a mixed load: every hot path's API side, one picked at random for each operation, at concurrency 8,
 * for the soak's duration ({@code -Dbenchmark.soak=600} for the ten minutes of the target; a scale's default is
 * short). Every {@code interval} it prints the heap in use after a full collection and the resident set of
 * Backroom's process, and says whether both stayed flat.
 */
final class MemorySoak {

	/** One reading: seconds into the soak, heap used after a collection and the resident set, both in MiB. */
	record Reading(double seconds, double heapMib, double rssMib) {

		String row() {
			return "| %.0f | %.1f | %.1f |".formatted(seconds, heapMib, rssMib);
		}

	}

	/**
	 * What the soak found. Flat means the later half of the readings stays within 20% (and 32 MiB) of the earlier
	 * half's highest: a leak grows without bound, while caches filling once and then holding are flat.
	 */
	record Result(Duration duration, long operations, long errors, List<Reading> readings) {

		boolean heapFlat() {
			return flat(readings.stream().mapToDouble(Reading::heapMib).toArray());
		}

		boolean rssFlat() {
			return flat(readings.stream().mapToDouble(Reading::rssMib).toArray());
		}

		private static boolean flat(double[] values) {
			if (values.length < 2) {
				return true;
			}
			int half = values.length / 2;
			double early = 0;
			for (int i = 0; i < half; i++) {
				early = Math.max(early, values[i]);
			}
			double late = 0;
			for (int i = half; i < values.length; i++) {
				late = Math.max(late, values[i]);
			}
			return late <= Math.max(early * 1.2, early + 32);
		}

		String markdown() {
			StringBuilder md = new StringBuilder("\n## Memory under a mixed load\n\n")
				.append("%,d operations (%,d failed) at concurrency 8 over %d s, every hot path's API side at random.\n\n"
					.formatted(operations, errors, duration.toSeconds()))
				.append("| s | heap MiB after GC | RSS MiB |\n|--:|--:|--:|\n");
			readings.forEach(reading -> md.append(reading.row()).append('\n'));
			return md.append("\nHeap ").append(heapFlat() ? "flat" : "GREW").append("; RSS ")
				.append(rssFlat() ? "flat" : "GREW").append(".\n").toString();
		}

	}

	private MemorySoak() {
	}

	static Result run(List<HotPath> paths, Duration duration, Duration interval, ServerProcess server,
			String token) throws Exception {
		List<Reading> readings = new ArrayList<>();
		long began = System.nanoTime();
		readings.add(read(began, server, token));
		long operations = 0;
		long errors = 0;
		LoadDriver driver = new LoadDriver(8);
		try {
			long seed = 7;
			while (System.nanoTime() - began < duration.toNanos()) {
				LoadDriver.Sample sample = driver.run(interval, seed++, mixed(paths));
				operations += sample.count();
				errors += sample.errors();
				Reading reading = read(began, server, token);
				readings.add(reading);
				System.out.println("[benchmark] memory " + reading.row());
			}
		}
		finally {
			driver.close();
		}
		return new Result(duration, operations, errors, readings);
	}

	private static LoadDriver.Operation mixed(List<HotPath> paths) {
		return (worker, random) -> paths.get(random.nextInt(paths.size())).api().run(worker, random);
	}

	private static Reading read(long began, ServerProcess server, String token) throws Exception {
		double heap = server.heapAfterCollectionMib(token);
		return new Reading((System.nanoTime() - began) / 1e9, heap, server.rssMib());
	}

}
