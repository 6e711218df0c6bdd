package org.backroom.backup;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * {@code --restore=FILE}: before anything else touches the database (Flyway's migration is the first thing that
 * does, before the web server starts), rebuild the store from the backup, then migrate to this version's schema and
 * start as usual. Into anything but an empty database it refuses, and Backroom does not start.
 */
@Component
@ConditionalOnProperty("restore")
class RestoreOnStart implements FlywayMigrationStrategy {

	private final Path file;

	RestoreOnStart(@Value("${restore}") String file) {
		this.file = Path.of(file).toAbsolutePath();
	}

	@Override
	public void migrate(Flyway flyway) {
		if (!Files.isRegularFile(file)) {
			throw new RestoreRefused("There is no backup file " + file);
		}
		Restorer.restore(file, flyway);
		flyway.migrate();
	}

}
