package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch writes its outcomes by the job's primary key, whatever the planner knows of the job: a job of 60,000
 * records has no statistics yet when its first batches run (its rows were written moments ago), and joined to the
 * outcomes alone the planner read every one of the job's rows once per outcome, 30 s for a batch of 1,000.
 */
@BackroomTest
class BulkOutcomePlanTests {

	private static final int RECORDS = 60_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aBatchOfAJustStartedJobReadsOnlyItsOwnRowsThroughThePrimaryKey() {
		List<String> plans = transaction.execute(status -> {
			status.setRollbackOnly();
			long job = jdbc.sql("""
					INSERT INTO bulk_jobs (record_kind, action, criteria, reason, status, requested_by)
					VALUES ('customer', 'deactivate', '{"ids": []}', 'plan check', 'RUNNING', 'admin') RETURNING id""")
				.query(Long.class)
				.single();
			jdbc.sql("INSERT INTO bulk_job_records (job_id, record_id) SELECT ?, g FROM generate_series(1, ?) AS g")
				.params(job, RECORDS)
				.update();
			// Two batches of the middle of the job: one done, one skipped.
			String batch = ids(30_001);
			String skippedBatch = ids(31_001);
			String skipped = outcomes(31_001, "{\"outcome\": \"SKIPPED\", \"reason\": \"record-active\"}");
			return List.of(plan(SetBasedBatch.DONE, Map.of("job", job, "ids", batch)),
					plan(SetBasedBatch.OTHERS, Map.of("job", job, "ids", skippedBatch, "outcomes", skipped)));
		});
		assertThat(plans).hasSize(2).allSatisfy(plan -> assertThat(plan).as(plan)
			.contains("bulk_job_records_pkey")
			.doesNotContain("Seq Scan on bulk_job_records")
			.containsPattern("Update on bulk_job_records.*\\n.*"));
		// No step handles more rows than the batch has: neither all of the job's, nor a batch's for every outcome.
		assertThat(plans).allSatisfy(plan -> assertThat(plan).as(plan)
			.doesNotContainPattern("rows=(?!1000\\b)\\d{4,}")
			.doesNotContain("Rows Removed by Join Filter"));
	}

	private static String ids(long first) {
		return LongStream.range(first, first + 1000).mapToObj(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static String outcomes(long first, String outcome) {
		return LongStream.range(first, first + 1000)
			.mapToObj(id -> "\"" + id + "\": " + outcome)
			.collect(Collectors.joining(",", "{", "}"));
	}

	private String plan(String statement, Map<String, Object> params) {
		return String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + statement)
			.params(params)
			.query(String.class)
			.list());
	}

}
