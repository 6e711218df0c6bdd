package org.backroom.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at the scale asked for: {@code ./mvnw -Pbenchmark verify -Dscale=1m} (see README "Performance at
 * scale"). The loaded store stays under {@code target/benchmark/data-<scale>} for the next run; the report is
 * {@code target/benchmark/report.md} and {@code .json}. Not part of the normal build (see
 * {@link BenchmarkSmokeTests} for what is).
 */
class ScaleBenchmark {

	@Test
	void measuresEveryHotPathThroughTheApiAndAsBareSql() throws Exception {
		Scale scale = Scale.named(System.getProperty("scale", "small"));
		String seconds = System.getProperty("benchmark.seconds", "");
		if (!seconds.isBlank()) {
			scale = scale.withPhase(Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000)));
		}
		Path dir = Path.of(System.getProperty("benchmark.dir", "target/benchmark"));
		Harness.Report report = new Harness(scale, dir).run();
		Harness.write(report, dir);

		assertThat(report.largeSeqScans()).as("sequential scans of tables over %,d rows", PlanCheck.LARGE_TABLE)
			.isEmpty();
		for (Measurement measured : report.measurements()) {
			assertThat(measured.api().errors() + measured.sql().errors())
				.as("failed operations of %s at %d: %s%s", measured.path(), measured.concurrency(),
						measured.api().firstError(), measured.sql().firstError())
				.isLessThanOrEqualTo((measured.api().count() + measured.sql().count()) / 100);
		}
	}

}
