package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.backroom.benchmark.CpuClock;
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

	@Autowired
	DataSource dataSource;

	@Test
	void importsAHundredThousandRowsInUnderAMinute() throws SQLException {
		int rows = Integer.getInteger("backroom.benchmark.rows", 100_000);
		try (Connection db = dataSource.getConnection()) {
			// CPU seconds of this JVM and of PostgreSQL beside the wall time: on a shared machine, the cost of the
			// import itself.
			CpuClock cpu = CpuClock.of(db);
			CpuClock.Reading before = cpu.read();
			ImportRun.Timing timing = ImportRun.items(api, new Uploads(port(), ownerAuthorization(), api), jdbc, rows,
					"BENCH-");
			CpuClock.Reading used = cpu.read().since(before);
			System.out.printf("%nBENCHMARK %s; CPU: JVM %.1f s, PostgreSQL %.1f s%n%n", timing.report(), used.jvm(),
					used.postgres());
			assertThat(timing.totalMillis()).as(timing.report()).isLessThan(60_000);
		}
	}

}
