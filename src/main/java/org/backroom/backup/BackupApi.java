package org.backroom.backup;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups over HTTP: take one now, list them, download one. All need {@code backup.manage}. */
@Tag(name = "backups")
@RestController
class BackupApi {

	private final Backups backups;

	BackupApi(Backups backups) {
		this.backups = backups;
	}

	/** A backup as the API shows it; {@code age} is ISO-8601 ({@code PT3H12M}). */
	record BackupView(String name, long size, Instant createdAt, String age) {

		static BackupView of(BackupFile file) {
			return new BackupView(file.name(), file.size(), file.createdAt(), file.age().toString());
		}

	}

	record BackupList(List<BackupView> items, @Nullable String nextCursor) {
	}

	@Operation(operationId = "takeBackup",
			summary = "Take a consistent backup of the whole store now; answers its name, size and time")
	@ApiResponse(responseCode = "201", description = "Taken; Location names it")
	@PostMapping("/api/backups")
	ResponseEntity<BackupView> take() {
		BackupFile file = backups.takeNow();
		return ResponseEntity.created(URI.create("/api/backups/" + file.name())).body(BackupView.of(file));
	}

	@Operation(operationId = "listBackups", summary = "The backups in the backup directory, newest first")
	@GetMapping("/api/backups")
	BackupList list() {
		return new BackupList(backups.list().stream().map(BackupView::of).toList(), null);
	}

	@Operation(operationId = "downloadBackup",
			summary = "Download one backup (a ZIP: manifest.json and one COPY text entry per table)")
	@GetMapping("/api/backups/{name}")
	ResponseEntity<Resource> download(@PathVariable String name) {
		BackupFile file = backups.download(name).orElseThrow(() -> new NoSuchBackup(name));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
			.body(new FileSystemResource(file.path()));
	}

	static final class NoSuchBackup extends Refusal {

		NoSuchBackup(String name) {
			super("not-found", HttpStatus.NOT_FOUND, "No such backup", "There is no backup named " + name + ".");
		}

	}

}
