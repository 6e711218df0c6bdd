package org.backroom.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the server how it writes ({@code SHOW fsync}, …) and says it in the log, loudly when a crash could lose data. */
final class DurabilityCheck {

	private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

	private DurabilityCheck() {
	}

	/** The embedded server must run as asked; anything else is a bug that would lose a store's data. */
	static void require(Connection connection, Durability expected) throws SQLException {
		Map<String, String> actual = show(connection);
		if (!actual.equals(expected.settings())) {
			throw new IllegalStateException("The embedded PostgreSQL runs with " + actual + " instead of "
					+ expected.settings() + "; refusing to start");
		}
		if (expected == Durability.DURABLE) {
			log.info("Embedded PostgreSQL durability: {}", describe(actual));
		}
		else {
			log.warn("Embedded PostgreSQL durability RELAXED for a throw-away database: {} "
					+ "(backroom.data.relaxed-durability=true); a crash may lose acknowledged changes", describe(actual));
		}
	}

	/** An external server is its operator's to configure; say so loudly when it may lose acknowledged commits. */
	static void warnIfRelaxed(Connection connection, String url) throws SQLException {
		Map<String, String> actual = show(connection);
		if (actual.values().stream().allMatch(value -> !"off".equals(value))) {
			log.info("PostgreSQL at {} durability: {}", url, describe(actual));
		}
		else {
			log.warn("PostgreSQL at {} is NOT durable: {}; a crash of that server may lose changes Backroom already "
					+ "confirmed. Turn these settings on in its postgresql.conf.", url, describe(actual));
		}
	}

	private static Map<String, String> show(Connection connection) throws SQLException {
		Map<String, String> values = new LinkedHashMap<>();
		try (var statement = connection.createStatement()) {
			for (String setting : Durability.SETTINGS) {
				try (var rs = statement.executeQuery("SHOW " + setting)) {
					rs.next();
					values.put(setting, rs.getString(1));
				}
			}
		}
		return values;
	}

	private static String describe(Map<String, String> settings) {
		return String.join(", ", settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
	}

}
