package org.backroom.bulk;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a bulk deactivation of 100,000 dormant customers takes on the embedded PostgreSQL, beside one bare
 * UPDATE of the same rows in the same run. Run by hand: {@code ./mvnw verify -Dtest=BulkBenchmark
 * -Dbackroom.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}; {@link BulkBenchmarkSmokeTests} runs
 * it small in every build.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
@BackroomTest(properties = "backroom.bulk.batch-size=1000")
class BulkBenchmark extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void deactivatesAHundredThousandDormantCustomers() {
		System.out.print(new BulkRuns(api, jdbc).deactivation(100_000));
	}

}
