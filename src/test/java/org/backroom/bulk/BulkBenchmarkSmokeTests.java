package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link BulkBenchmark} and {@link BulkUnderTillBenchmark} on 2,000 records in the normal build, so they cannot rot.
 * A database of their own (the extra property), since the deactivation takes every dormant customer there is.
 */
@BackroomTest(properties = { "backroom.bulk.batch-size=1000", "backroom.bulk.quiet=10ms" })
class BulkBenchmarkSmokeTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkSettings settings;

	/** One after the other: the deactivation takes every dormant customer, so it runs before the till adds some. */
	@Test
	void bothBulkBenchmarksRun() {
		assertThat(new BulkRuns(api, jdbc).deactivation(2_000)).contains("bulk deactivation of 2,000 customers")
			.contains("job/bare");
		assertThat(new BulkRuns(api, jdbc).tillBeside(2_000, 200, Duration.ofSeconds(1), settings.share()))
			.contains("till beside a bulk job of 2,000")
			.contains("sale, 3 lines")
			.contains("customer lookup");
	}

}
