package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.awaitility.Awaitility;
import org.backroom.BackroomApplication;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application stops in the middle of an import and starts again on the same data: the import resumes where it
 * stopped, and every line is written exactly once, with exactly one audit entry.
 */
class ImportRestartTests {

	private static final int ROWS = 12;

	private final Path dataDir = Path.of("target", "import-restart-" + System.nanoTime()).toAbsolutePath();

	@AfterEach
	void removeTheData() throws IOException {
		if (Files.exists(dataDir)) {
			try (var files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void anImportStoppedMidwayResumesAfterARestartAndWritesNothingTwice() {
		StringBuilder csv = new StringBuilder("sku,name,description,barcode,category,price,cost,trackStock\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append("RESTART-").append(i).append(",Restart ").append(i).append(",,,,1.00,,false\n");
		}
		long job;
		try (ConfigurableApplicationContext first = start()) {
			Api api = api(first);
			Api.Response preview = api.raw("POST", "/api/items/import", csv.toString(), "text/csv");
			job = api.post("/api/import-jobs/" + preview.json().path("id").asLong() + "/start", null).json()
				.path("id").asLong();
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/import-jobs/" + job).json().path("created").asInt() >= 3);
		}
		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			int createdBeforeResume = jdbc.sql("SELECT created FROM import_jobs WHERE id = ?").param(job)
				.query(Integer.class).single();
			assertThat(createdBeforeResume).as("stopped midway").isBetween(3, ROWS - 1);
			Api api = api(second);
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/import-jobs/" + job).json().path("status").asString().equals("DONE"));
			assertThat(api.get("/api/import-jobs/" + job).json().path("created").asInt()).isEqualTo(ROWS);
			assertThat(jdbc.sql("SELECT count(*) FROM items WHERE sku LIKE 'RESTART-%'").query(Long.class).single())
				.isEqualTo(ROWS);
			assertThat(jdbc.sql("""
					SELECT count(DISTINCT record_id) FILTER (WHERE true) = count(*) AND count(*) = ?
					FROM audit_log WHERE action = 'item.create' AND (changes ->> 'importJob')::bigint = ?""")
				.params(ROWS, job).query(Boolean.class).single()).as("one audit entry per item").isTrue();
			assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BackroomApplication.class).run("--server.port=0",
				"--backroom.data.dir=" + dataDir, "--backroom.demo=false", "--backroom.trash.purge-cron=-",
				"--backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD, "--backroom.import.batch-size=3",
				"--backroom.import.pause=500ms");
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
		return new Api(port).as("admin", ApiTest.ADMIN_PASSWORD);
	}

}
