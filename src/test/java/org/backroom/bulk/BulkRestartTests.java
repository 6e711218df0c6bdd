package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.backroom.BackroomApplication;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application stops in the middle of a job and starts again on the same data: the job resumes where it stopped
 * and every record is processed exactly once, with exactly one audit entry.
 */
class BulkRestartTests {

	private final Path dataDir = Path.of("target", "bulk-restart-" + System.nanoTime()).toAbsolutePath();

	@AfterEach
	void removeTheData() throws IOException {
		if (Files.exists(dataDir)) {
			try (var files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void aJobStoppedMidwayResumesAfterARestartAndDoesNothingTwice() throws InterruptedException {
		List<Long> customers = new ArrayList<>();
		long job;
		try (ConfigurableApplicationContext first = start()) {
			Api api = api(first);
			for (int i = 0; i < 12; i++) {
				customers.add(api.post("/api/customers", Map.of("name", "Restart " + i)).json().path("id").asLong());
			}
			job = api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids", customers,
					"reason", "dormant")).json().path("id").asLong();
			BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job).json().path("done").asInt() >= 3);
		}
		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			int doneBeforeResume = jdbc.sql("SELECT done FROM bulk_jobs WHERE id = ?").param(job).query(Integer.class).single();
			assertThat(doneBeforeResume).as("stopped midway").isBetween(3, 11);
			Api api = api(second);
			BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job).json().path("status").asString().equals("DONE"));
			assertThat(api.get("/api/bulk-jobs/" + job).json().path("done").asInt()).isEqualTo(12);
			assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE id IN (:ids) AND status = 'INACTIVE'")
				.param("ids", customers).query(Long.class).single()).isEqualTo(12);
			assertThat(jdbc.sql("SELECT count(*) FROM bulk_job_records WHERE job_id = ? AND outcome = 'DONE'")
				.param(job).query(Long.class).single()).isEqualTo(12);
			List<Long> audited = jdbc.sql("""
					SELECT record_id FROM audit_log WHERE action = 'customer.deactivate'
					AND (changes ->> 'bulkJob')::bigint = ? ORDER BY record_id""").param(job).query(Long.class).list();
			assertThat(audited).containsExactlyElementsOf(customers);
			assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BackroomApplication.class).run("--server.port=0",
				"--backroom.data.dir=" + dataDir, "--backroom.demo=false", "--backroom.trash.purge-cron=-",
				"--backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD, "--backroom.bulk.batch-size=3",
				"--backroom.bulk.pause=500ms");
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
		return new Api(port).as("admin", ApiTest.ADMIN_PASSWORD);
	}

}
