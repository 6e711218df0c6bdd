package org.backroom.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Backups on demand and on a schedule, as the owner and others see them through the API and the Settings page. */
@BackroomTest(properties = "backroom.backup.keep=3")
class BackupApiTests extends ApiTest {

	private static final Path DIRECTORY = temporaryDirectory();

	@LocalServerPort
	int port;

	@Autowired
	BackupSchedule schedule;

	@DynamicPropertySource
	static void backupDirectory(DynamicPropertyRegistry registry) {
		registry.add("backroom.backup.dir", DIRECTORY::toString);
	}

	@Test
	void theOwnerTakesABackupAndFindsItListedWithItsSizeAndAge() {
		Api.Response taken = api.post("/api/backups", null);
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		String name = taken.json().path("name").asString();
		assertThat(name).matches("backroom-\\d{8}-\\d{6}-\\d{3}\\.zip");
		assertThat(taken.header("Location")).isEqualTo("/api/backups/" + name);
		assertThat(Instant.parse(taken.json().path("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(Files.exists(DIRECTORY.resolve(name))).isTrue();

		JsonNode listed = api.get("/api/backups").json().path("items").values().stream()
			.filter(backup -> backup.path("name").asString().equals(name)).findFirst().orElseThrow();
		assertThat(listed.path("size").asLong()).isEqualTo(taken.json().path("size").asLong()).isPositive();
		assertThat(listed.path("age").asString()).startsWith("PT");

		JsonNode audited = api.get("/api/audit?action=backup.create").json().path("items");
		assertThat(audited.values()).anySatisfy(entry -> assertThat(entry.path("changes").toString()).contains(name));
	}

	@Test
	void theOwnerDownloadsABackupAsTheZipOnDisk() throws Exception {
		String name = api.post("/api/backups", null).json().path("name").asString();
		HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/backups/" + name))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes()))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(download.body()).isEqualTo(Files.readAllBytes(DIRECTORY.resolve(name)));

		Api.Response missing = api.get("/api/backups/backroom-20000101-000000-000.zip");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.problemType()).isEqualTo("not-found");
		assertThat(api.get("/api/backups/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
	}

	@Test
	void onlyThoseWithBackupManageMayTakeListOrDownloadBackups() {
		Api manager = staffWithRole("Manager");
		for (Api.Response refused : List.of(manager.post("/api/backups", null), manager.get("/api/backups"),
				manager.get("/api/backups/backroom-20000101-000000-000.zip"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.json().path("missingPermission").asString()).isEqualTo("backup.manage");
		}
		assertThat(manager.get("/settings", "Accept", "text/html").body()).doesNotContain("Back up now");
	}

	@Test
	void theSettingsPageListsBackupsAndBacksUpOnRequest() {
		Api.Response pressed = api.raw("POST", "/settings/backups", "", "application/x-www-form-urlencoded");
		assertThat(pressed.status()).as(pressed.toString()).isEqualTo(302);
		String newest = api.get("/api/backups").json().path("items").get(0).path("name").asString();

		String page = api.get("/settings", "Accept", "text/html").body();
		assertThat(page).contains("Back up now", newest, "just now");
	}

	@Test
	void keepsOnlyTheNewestBackups() {
		for (int i = 0; i < 4; i++) {
			assertThat(api.post("/api/backups", null).status()).isEqualTo(201);
		}
		assertThat(api.get("/api/backups").json().path("items").size()).isEqualTo(3);
		assertThat(zips()).hasSize(3);
	}

	@Test
	void aScheduledRunIsTakenOnceHoweverManyInstancesFireIt() {
		Instant slot = BackupSchedule.slot(CronExpression.parse("0 */5 * * * *"), Instant.now());
		assertThat(schedule.claim(slot)).as("the first instance").isTrue();
		assertThat(schedule.claim(slot)).as("a second instance firing for the same run").isFalse();
		assertThat(schedule.claim(slot.plusSeconds(300))).as("the next run").isTrue();
	}

	@Test
	void theSlotOfARunIsTheTimeTheScheduleNamedEvenOnASlightlyDifferentClock() {
		CronExpression nightly = CronExpression.parse("0 30 2 * * *");
		Instant named = java.time.ZonedDateTime.of(2025, 6, 1, 2, 30, 0, 0, java.time.ZoneId.systemDefault()).toInstant();
		assertThat(BackupSchedule.slot(nightly, named)).isEqualTo(named);
		assertThat(BackupSchedule.slot(nightly, named.plusMillis(40_000))).isEqualTo(named);
		assertThat(BackupSchedule.slot(nightly, named.minusMillis(20_000))).isEqualTo(named);
	}

	private static List<Path> zips() {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.filter(file -> file.toString().endsWith(".zip")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("backroom-backups-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
