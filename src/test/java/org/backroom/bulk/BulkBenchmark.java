package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a bulk deactivation of 100,000 dormant customers takes on the embedded PostgreSQL. Run by hand:
 * {@code ./mvnw verify -Dtest=BulkBenchmark -Dbackroom.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
@BackroomTest(properties = "backroom.bulk.batch-size=1000")
class BulkBenchmark extends ApiTest {

	private static final int CUSTOMERS = 100_000;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deactivatesAHundredThousandDormantCustomers() throws InterruptedException {
		jdbc.sql("INSERT INTO customers (name) SELECT 'Dormant ' || g FROM generate_series(1, ?) AS g")
			.param(CUSTOMERS)
			.update();
		jdbc.sql("ANALYZE customers").update();
		Map<String, Object> request = Map.of("recordKind", "customer", "action", "deactivate", "dormantSince",
				"2000-01-01", "reason", "benchmark");
		long previewStarted = System.nanoTime();
		JsonNode preview = api.post("/api/bulk-jobs/preview", request).json();
		long previewMillis = (System.nanoTime() - previewStarted) / 1_000_000;
		assertThat(preview.path("toProcess").size()).isEqualTo(CUSTOMERS);

		long started = System.nanoTime();
		long job = api.post("/api/bulk-jobs", request).json().path("id").asLong();
		long accepted = (System.nanoTime() - started) / 1_000_000;
		BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"),
				600_000);
		long total = (System.nanoTime() - started) / 1_000_000;
		JsonNode finished = api.get("/api/bulk-jobs/" + job).json();
		assertThat(finished.path("done").asInt()).isEqualTo(CUSTOMERS);
		System.out.printf("%nBENCHMARK bulk deactivation of %,d customers: preview %,d ms, POST answered in %,d ms, "
				+ "done in %,d ms (%,.0f records/s)%n%n", CUSTOMERS, previewMillis, accepted, total,
				CUSTOMERS * 1000.0 / total);
	}

}
