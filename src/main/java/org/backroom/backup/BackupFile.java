package org.backroom.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One backup file in the backup directory: {@code backroom-20250601-023000-123.zip}, named by the moment (UTC) it
 * was started, so that names sort by age and a name is all a client needs to ask for one.
 */
record BackupFile(String name, long size, Instant createdAt, @JsonIgnore Path path) {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile("backroom-(\\d{8}-\\d{6}-\\d{3})\\.zip");

	static String nameFor(Instant startedAt) {
		return "backroom-" + STAMP.format(startedAt) + ".zip";
	}

	/** The moment a well-formed name stands for; empty for any other name (which is never a path to follow). */
	static Optional<Instant> startedAt(String name) {
		var match = NAME.matcher(name);
		if (!match.matches()) {
			return Optional.empty();
		}
		return Optional.of(LocalDateTime.parse(match.group(1), STAMP).toInstant(ZoneOffset.UTC));
	}

	/** How long ago it was taken, as ISO-8601 ({@code PT3H12M}). */
	public Duration age() {
		return Duration.between(createdAt, Instant.now()).withNanos(0);
	}

	/** The age for people: {@code 3 hours ago}. */
	public String ageInWords() {
		long seconds = Math.max(0, age().toSeconds());
		if (seconds < 60) {
			return "just now";
		}
		long[] limits = { 3600, 86_400, Long.MAX_VALUE };
		long[] units = { 60, 3600, 86_400 };
		String[] words = { "minute", "hour", "day" };
		for (int i = 0; i < limits.length; i++) {
			if (seconds < limits[i]) {
				long n = seconds / units[i];
				return n + " " + words[i] + (n == 1 ? "" : "s") + " ago";
			}
		}
		throw new IllegalStateException();
	}

	/** The size for people: {@code 1.4 MB}. */
	public String sizeInWords() {
		if (size < 1024) {
			return size + " B";
		}
		double value = size;
		String[] units = { "KB", "MB", "GB", "TB" };
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
