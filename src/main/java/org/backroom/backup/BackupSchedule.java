package org.backroom.backup;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The scheduled backup ({@code backroom.backup.cron}, nightly). With several instances on one database each one
 * fires, and each first claims the run's slot (the time the schedule named) in {@code backup_runs}: the insert that
 * succeeds takes the backup, the others find the slot taken and skip it, so the store is backed up once per run.
 */
@Component
class BackupSchedule {

	private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

	/** How far apart the clocks of two instances may be and still agree on the slot. */
	private static final long CLOCK_SKEW_SECONDS = 60;

	private final Backups backups;

	private final JdbcClient jdbc;

	private final BackupSettings settings;

	private final String instance = instanceName();

	BackupSchedule(Backups backups, JdbcClient jdbc, BackupSettings settings) {
		this.backups = backups;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Scheduled(cron = "${backroom.backup.cron:0 30 2 * * *}")
	void run() {
		Instant slot = slot(CronExpression.parse(settings.cron()), Instant.now());
		if (!claim(slot)) {
			log.info("Scheduled backup of {} is taken by another instance", slot);
			return;
		}
		backups.take("schedule");
	}

	/** The first time the schedule names at or after a minute before now: the run that is firing now. */
	static Instant slot(CronExpression cron, Instant now) {
		ZonedDateTime from = now.minusSeconds(CLOCK_SKEW_SECONDS).atZone(ZoneId.systemDefault())
			.truncatedTo(ChronoUnit.SECONDS);
		ZonedDateTime next = cron.next(from.minusSeconds(1));
		return next == null ? now.truncatedTo(ChronoUnit.MINUTES) : next.toInstant();
	}

	/** True for the one instance whose claim of the slot committed first. */
	boolean claim(Instant slot) {
		return jdbc.sql("INSERT INTO backup_runs (slot, claimed_by) VALUES (?, ?) ON CONFLICT (slot) DO NOTHING")
			.params(Timestamp.from(slot), instance)
			.update() == 1;
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

}
