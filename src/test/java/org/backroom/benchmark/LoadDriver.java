package org.backroom.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load at fixed concurrency: each of {@code n} workers does one operation after the other for the
 * phase's duration, and every operation's latency is kept (no sampling, no coordinated-omission correction: a
 * worker waits for its answer before it asks again, as a cashier does).
 */
final class LoadDriver {

	/** One operation of one worker; {@code worker} is 0 … concurrency − 1, for per-worker connections. */
	@FunctionalInterface
	interface Operation {

		/** Does the work once; answers false for a failed operation (an HTTP error, say). */
		boolean run(int worker, Random random) throws Exception;

	}

	/** What a phase measured. */
	record Sample(long[] nanos, long elapsedNanos, long errors, String firstError) {

		long count() {
			return nanos.length;
		}

		double percentileMillis(double p) {
			if (nanos.length == 0) {
				return Double.NaN;
			}
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

		double meanMillis() {
			return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).average().orElseThrow() / 1e6;
		}

		double perSecond() {
			return elapsedNanos == 0 ? 0 : nanos.length * 1e9 / elapsedNanos;
		}

		static Sample merge(List<Sample> samples) {
			long[] all = samples.stream().flatMapToLong(sample -> Arrays.stream(sample.nanos)).toArray();
			String error = samples.stream().map(Sample::firstError).filter(e -> !e.isEmpty()).findFirst().orElse("");
			return new Sample(all, samples.stream().mapToLong(Sample::elapsedNanos).sum(),
					samples.stream().mapToLong(Sample::errors).sum(), error);
		}

	}

	private final ExecutorService workers;

	private final int concurrency;

	LoadDriver(int concurrency) {
		this.concurrency = concurrency;
		this.workers = Executors.newFixedThreadPool(concurrency);
	}

	Sample run(Duration phase, long seed, Operation operation) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		AtomicLong errors = new AtomicLong();
		StringBuilder firstError = new StringBuilder();
		List<Future<long[]>> results = new ArrayList<>();
		long[] deadline = new long[1];
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			results.add(workers.submit(() -> {
				Random random = new Random(seed * 31 + worker);
				long[] latencies = new long[1024];
				int n = 0;
				start.await();
				while (System.nanoTime() < deadline[0]) {
					long began = System.nanoTime();
					boolean ok;
					try {
						ok = operation.run(worker, random);
					}
					catch (Exception ex) {
						ok = false;
						synchronized (firstError) {
							if (firstError.isEmpty()) {
								firstError.append(ex);
							}
						}
					}
					long took = System.nanoTime() - began;
					if (!ok) {
						errors.incrementAndGet();
						continue;
					}
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = took;
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		long began = System.nanoTime();
		deadline[0] = began + phase.toNanos();
		start.countDown();
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> result : results) {
			all.add(result.get());
		}
		long elapsed = System.nanoTime() - began;
		long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
		return new Sample(merged, elapsed, errors.get(), firstError.toString());
	}

	void close() {
		workers.shutdownNow();
	}

}
