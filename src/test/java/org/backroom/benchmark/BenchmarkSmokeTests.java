package org.backroom.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark harness end to end on a small store for a few seconds, in every build, so that it cannot rot:
 * the load, the warm-up, every path on both sides at both concurrencies, the plan check and both reports.
 */
class BenchmarkSmokeTests {

	@TempDir
	Path dir;

	@Test
	void runsEveryHotPathOnBothSidesAndWritesTheReports() throws Exception {
		Harness.Report report = new Harness(Scale.named("smoke"), dir).run();
		Harness.write(report, dir);

		assertThat(report.largeSeqScans()).isEmpty();
		assertThat(report.warmUp().errors()).as("operations that failed while warming up").isZero();
		assertThat(report.warmUp().seconds()).isPositive();
		assertThat(report.warmUp().compilerCpuSeconds()).as("the JIT compiler's CPU, read from /proc").isPositive();
		assertThat(report.measurements()).hasSize(9 * Harness.CONCURRENCY.length);
		for (Measurement measured : report.measurements()) {
			assertThat(measured.api().count()).as("%s through the API at %d: %s", measured.path(),
					measured.concurrency(), measured.api().firstError()).isPositive();
			assertThat(measured.sql().count()).as("%s bare at %d: %s", measured.path(), measured.concurrency(),
					measured.sql().firstError()).isPositive();
			assertThat(measured.api().errors() + measured.sql().errors()).as("%s at %d: %s %s", measured.path(),
					measured.concurrency(), measured.api().firstError(), measured.sql().firstError()).isZero();
		}
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
		assertThat(json.path("measurements").size()).isEqualTo(report.measurements().size());
		assertThat(Files.readString(dir.resolve("report.md"))).contains("Warm-up: ", "| customer lookup | 1 |", "EXPLAIN")
			.doesNotContain("NaN");
		assertThat(Files.readString(dir.resolve("bulk.md"))).contains("the store idle", "beside a cashier",
				"CPU per record").doesNotContain("NaN");
	}

}
