package org.backroom.platform;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * How much memory the embedded PostgreSQL keeps its pages in. Its own default, 128 MB, is made for a throw-away
 * test server: at a million customers the customer table and its indexes alone are 1.5 GB, and every search that
 * misses the buffers reads its pages through the kernel again. A store's server takes a quarter of the machine
 * (the JVM's heap takes another quarter by default, and the kernel caches the rest), at most 8 GB; a throw-away
 * one keeps the default, since a test run starts several.
 */
final class ServerMemory {

	static final DataSize THROW_AWAY = DataSize.ofMegabytes(128);

	static final DataSize MOST = DataSize.ofGigabytes(8);

	static final DataSize LEAST = DataSize.ofMegabytes(16);

	private ServerMemory() {
	}

	/** The server settings for a machine of {@code machine} bytes: {@code shared_buffers} and the planner's hint. */
	static Map<String, String> settings(@Nullable DataSize asked, boolean ephemeral, long machine) {
		long buffers = buffers(asked, ephemeral, machine).toBytes();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("shared_buffers", kilobytes(buffers));
		// What the planner may assume is cached, in PostgreSQL's buffers or the kernel's: most of what is left.
		settings.put("effective_cache_size", kilobytes(Math.max(buffers, ephemeral ? 0 : machine / 2)));
		return settings;
	}

	static DataSize buffers(@Nullable DataSize asked, boolean ephemeral, long machine) {
		if (asked != null) {
			return checked(asked, machine);
		}
		if (ephemeral) {
			return THROW_AWAY;
		}
		return DataSize.ofBytes(Math.max(THROW_AWAY.toBytes(), Math.min(MOST.toBytes(), machine / 4)));
	}

	/**
	 * A size asked for, refused at start when PostgreSQL could not run with it: it refuses to start with a few
	 * kilobytes, and fails to map (or starves the JVM and the kernel's cache of) all the machine has; either way it
	 * would say why only in its own log.
	 */
	private static DataSize checked(DataSize asked, long machine) {
		String setting = "backroom.data.memory=" + (asked.toMegabytes() > 0 ? asked.toMegabytes() + "MB"
				: asked.toKilobytes() + "KB");
		if (asked.compareTo(LEAST) < 0) {
			throw new DataSettingRefused(setting + " is too little for the embedded PostgreSQL's page cache: give it"
					+ " at least " + LEAST.toMegabytes() + "MB (unset, a quarter of the machine's memory)");
		}
		if (asked.toBytes() >= machine) {
			throw new DataSettingRefused(setting + " is not less than this machine's memory ("
					+ machine / (1024 * 1024) + "MB): unset, the embedded PostgreSQL takes a quarter of it");
		}
		return asked;
	}

	/** The machine's memory, or the container's limit where there is one. */
	static long machine() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean physical) {
			return physical.getTotalMemorySize();
		}
		return THROW_AWAY.toBytes() * 4;
	}

	private static String kilobytes(long bytes) {
		return (bytes / 1024) + "kB";
	}

}
