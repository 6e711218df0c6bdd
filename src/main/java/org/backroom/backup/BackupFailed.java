package org.backroom.backup;

import java.nio.file.Path;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** A backup could not be written (the disk is full, the directory is not writable, the database went away). */
final class BackupFailed extends Refusal {

	BackupFailed(Path directory, Exception cause) {
		super("backup-failed", HttpStatus.SERVICE_UNAVAILABLE, "Backup failed",
				"The backup could not be written to " + directory + ": " + cause.getMessage());
	}

}
