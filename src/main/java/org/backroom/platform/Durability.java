package org.backroom.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the embedded PostgreSQL writes to disk. {@link #DURABLE}: a commit is answered only once it is on disk, and
 * a crash or power cut loses nothing acknowledged. {@link #RELAXED}: the embedded library's test settings, for
 * throw-away test databases only.
 */
enum Durability {

	DURABLE("on"), RELAXED("off");

	/** The settings that make acknowledged commits survive a crash, in the order Backroom checks them. */
	static final String[] SETTINGS = { "fsync", "synchronous_commit", "full_page_writes" };

	private final String value;

	Durability(String value) {
		this.value = value;
	}

	Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String setting : SETTINGS) {
			settings.put(setting, value);
		}
		return settings;
	}

	static Durability of(DataSettings data) {
		if (!data.relaxedDurability()) {
			return DURABLE;
		}
		if (!data.ephemeral()) {
			throw new DataSettingRefused("backroom.data.relaxed-durability=true is only for throw-away test "
					+ "databases (an empty backroom.data.dir); a store in " + data.dir() + " must be durable");
		}
		return RELAXED;
	}

}
