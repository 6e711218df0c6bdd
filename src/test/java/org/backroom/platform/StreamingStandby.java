package org.backroom.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL hot standby of an embedded primary, streaming its WAL through a physical replication slot:
 * made from a {@link BaseBackup} with {@code standby.signal} and {@code primary_conninfo}, and run as an
 * {@link EmbeddedServer} of its own on another loopback port. The slot keeps on the primary every WAL segment the
 * standby has not received yet, also while the standby is down.
 */
final class StreamingStandby implements AutoCloseable {

	static final String NAME = "backroom_standby";

	private final EmbeddedServer primary;

	private final EmbeddedServer server;

	private StreamingStandby(EmbeddedServer primary, EmbeddedServer server) {
		this.primary = primary;
		this.server = server;
	}

	/** Copies the primary into {@code dir}, starts the copy as its standby, and waits until it streams. */
	static StreamingStandby of(EmbeddedServer primary, Path dir) throws IOException, SQLException {
		try (Connection connection = connect(primary)) {
			// Reserved now, before the backup starts: the WAL from the backup's start on stays until the standby has it.
			connection.createStatement().execute("SELECT pg_create_physical_replication_slot('" + NAME + "', true)");
		}
		Files.createDirectories(dir);
		Path pgdata = dir.resolve("postgres");
		BaseBackup.copy(primary, pgdata);
		Files.writeString(pgdata.resolve("standby.signal"), "");
		Files.writeString(pgdata.resolve("postgresql.auto.conf"), """

				primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=%s'
				primary_slot_name = '%s'
				hot_standby = on
				""".formatted(primary.port(), NAME, NAME), StandardOpenOption.APPEND);
		StreamingStandby standby = new StreamingStandby(primary, EmbeddedServer.start(dir, true, Durability.RELAXED));
		try {
			standby.awaitStreaming();
			return standby;
		}
		catch (RuntimeException | Error ex) {
			standby.close();
			throw ex;
		}
	}

	/** Waits until the standby is in recovery and the primary's {@code pg_stat_replication} shows it streaming. */
	void awaitStreaming() {
		await("the standby in recovery").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> sql(server, "SELECT pg_is_in_recovery()", Boolean.class));
		await("the primary streaming to the standby").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "streaming".equals(sql(primary, "SELECT coalesce(max(state), 'none') FROM pg_stat_replication "
					+ "WHERE application_name = '" + NAME + "'", String.class)));
	}

	EmbeddedServer server() {
		return server;
	}

	String url() {
		return "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
	}

	/** One query on a connection of its own, so that it never holds a standby connection a test stops. */
	static <T> T sql(EmbeddedServer on, String query, Class<T> type) throws SQLException {
		try (Connection connection = connect(on)) {
			return JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql(query).query(type).single();
		}
	}

	private static Connection connect(EmbeddedServer on) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + on.port() + "/postgres", "postgres", "");
	}

	@Override
	public void close() {
		server.close();
	}

}
