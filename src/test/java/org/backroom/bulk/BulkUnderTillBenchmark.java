package org.backroom.bulk;

import java.time.Duration;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a bulk deactivation of 100,000 customers does to one cashier selling and one looking customers up: each
 * one's p50 and p99 alone (before and after the job), and while the job runs, in the same run, beside the job's
 * rate and one bare UPDATE of the same rows. Run by hand ({@code -Dbackroom.bulk.share=1} for a job that never
 * steps aside): {@code ./mvnw verify -Dtest=BulkUnderTillBenchmark -Dbackroom.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}; {@link BulkBenchmarkSmokeTests} runs it small in every build.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
@BackroomTest(properties = "backroom.bulk.batch-size=1000")
class BulkUnderTillBenchmark extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BulkSettings settings;

	@Test
	void theTillAndThePickerBesideAJobOfAHundredThousand() {
		System.out.print(new BulkRuns(api, jdbc).tillBeside(100_000, 5_000, Duration.ofSeconds(10), settings.share()));
	}

}
