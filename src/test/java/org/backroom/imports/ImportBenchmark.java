package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a CSV import of 100,000 item rows (50,000 updates, 50,000 creates) takes on the embedded PostgreSQL,
 * from the upload of the dry run to the job's end; the target is under a minute. Run by hand:
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dbackroom.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbackroom.benchmark.rows=N} for another size). {@link ImportBenchmarkSmokeTests} runs it small in
 * every build.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
@BackroomTest(properties = "backroom.import.batch-size=1000")
class ImportBenchmark extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsAHundredThousandRowsInUnderAMinute() {
		int rows = Integer.getInteger("backroom.benchmark.rows", 100_000);
		ImportRun.Timing timing = ImportRun.items(api, new Uploads(port(), ownerAuthorization(), api), jdbc, rows,
				"BENCH-");
		System.out.printf("%nBENCHMARK %s%n%n", timing.report());
		assertThat(timing.totalMillis()).as(timing.report()).isLessThan(60_000);
	}

}
