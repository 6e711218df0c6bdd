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
		double bareSeconds = bareUpdate();
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
		double jobSeconds = jdbc.sql("SELECT extract(epoch FROM finished_at - started_at) FROM bulk_jobs WHERE id = ?")
			.param(job)
			.query(Double.class)
			.single();
		System.out.printf("%nBENCHMARK bulk deactivation of %,d customers: preview %,d ms, POST answered in %,d ms, "
				+ "done in %,d ms (%,.0f records/s); job from start to last commit %.2f s (%,.0f records/s); "
				+ "one bare UPDATE of the same rows %.2f s (%,.0f records/s); job/bare %.2f%n%n", CUSTOMERS,
				previewMillis, accepted, total, CUSTOMERS * 1000.0 / total, jobSeconds, CUSTOMERS / jobSeconds,
				bareSeconds, CUSTOMERS / bareSeconds, (CUSTOMERS / jobSeconds) / (CUSTOMERS / bareSeconds));
	}

	/**
	 * The floor, measured in the same run: one set-based UPDATE of the same rows (autocommit), then put back, not
	 * measured, and the table vacuumed so the job finds it as the bare statement did.
	 */
	private double bareUpdate() {
		String ids = jdbc.sql("SELECT '{' || string_agg(id::text, ',' ORDER BY id) || '}' FROM customers"
				+ " WHERE name LIKE 'Dormant %'").query(String.class).single();
		long began = System.nanoTime();
		jdbc.sql("""
				UPDATE customers SET status = 'INACTIVE', status_reason = 'benchmark, bare', status_changed_at = now(),
				       version = version + 1, updated_at = now()
				WHERE id = ANY (CAST(:ids AS bigint[])) AND status = 'ACTIVE' AND NOT is_system""").param("ids", ids)
			.update();
		double seconds = (System.nanoTime() - began) / 1e9;
		jdbc.sql("UPDATE customers SET status = 'ACTIVE', status_reason = NULL WHERE name LIKE 'Dormant %'").update();
		jdbc.sql("VACUUM ANALYZE customers").update();
		return seconds;
	}

}
