package org.backroom.backup;

import java.nio.file.Path;

import org.backroom.platform.DataSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and when backups are taken ({@code backroom.backup.*}).
 *
 * @param dir the directory of the backup files ({@code BACKROOM_BACKUP_DIR}); blank means {@code <data dir>/backups},
 *        or {@code ./backups} when there is no data directory (an external database, or throw-away test data)
 * @param cron when the scheduled backup runs, nightly by default; {@code -} turns it off
 * @param keep how many backup files to keep: after each backup, older ones are removed
 */
@ConfigurationProperties("backroom.backup")
record BackupSettings(@Nullable String dir, @DefaultValue("0 30 2 * * *") String cron, @DefaultValue("14") int keep) {

	Path directory(DataSettings data) {
		if (dir != null && !dir.isBlank()) {
			return Path.of(dir).toAbsolutePath();
		}
		return data.ephemeral() ? Path.of("backups").toAbsolutePath()
				: Path.of(data.dir()).toAbsolutePath().resolve("backups");
	}

}
