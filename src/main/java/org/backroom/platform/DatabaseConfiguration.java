package org.backroom.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One PostgreSQL for Backroom: an external server when {@code BACKROOM_DB_URL} is set, otherwise an embedded
 * PostgreSQL 17 started here, watched while Backroom runs, and stopped cleanly with the application.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final String DATABASE = "backroom";

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseSettings db, DataSettings data) throws IOException, SQLException {
		var pool = new HikariDataSource();
		pool.setPoolName("backroom");
		// Fail fast while the database is away: health says DOWN and requests answer 503 within seconds.
		pool.setConnectionTimeout(3_000);
		pool.setValidationTimeout(1_000);
		if (db.external()) {
			try (Connection connection = connect(db.url(), db.user(), db.password())) {
				DurabilityCheck.warnIfRelaxed(connection, db.url());
			}
			pool.setJdbcUrl(db.url());
			pool.setUsername(db.user());
			pool.setPassword(db.password());
			return pool;
		}
		EmbeddedServer server = startEmbedded(data);
		pool.setJdbcUrl(url(server));
		return new EmbeddedPool(pool, server);
	}

	/** Starts the embedded server with the durability asked for, and its database when it is new. */
	private static EmbeddedServer startEmbedded(DataSettings data) throws IOException, SQLException {
		Durability durability = Durability.of(data);
		Path dir = data.ephemeral() ? Files.createTempDirectory("backroom-data-") : Path.of(data.dir());
		long started = System.nanoTime();
		Map<String, String> memory = ServerMemory.settings(data.memory(), data.ephemeral(), ServerMemory.machine());
		EmbeddedServer server = EmbeddedServer.start(dir, data.ephemeral(), durability, memory);
		try (Connection connection = connect(url(server).replace("/" + DATABASE + "?", "/postgres?"), null, null)) {
			DurabilityCheck.require(connection, durability);
			createDatabaseIfMissing(connection);
		}
		catch (RuntimeException | SQLException ex) {
			server.close();
			throw ex;
		}
		log.info("Embedded PostgreSQL ready on port {} in {} ms ({}; shared_buffers {}; its log is {})", server.port(),
				(System.nanoTime() - started) / 1_000_000,
				data.ephemeral() ? "throw-away data" : "data in " + dir.toAbsolutePath(), memory.get("shared_buffers"),
				server.log());
		return server;
	}

	private static String url(EmbeddedServer server) {
		return "jdbc:postgresql://localhost:" + server.port() + "/" + DATABASE + "?user=postgres";
	}

	/** Reports read the replica when one is configured, else the primary (see {@link ReportsDatabase}). */
	@Bean(destroyMethod = "close")
	ReportsDatabase reportsDatabase(DatabaseSettings db, DataSource primary) {
		if (db.replicaUrl() == null || db.replicaUrl().isBlank()) {
			return new ReportsDatabase(JdbcClient.create(primary), null);
		}
		HikariDataSource replica = ReportsDatabase.replicaPool(db);
		log.info("Reports and exports read the replica at {}", db.replicaUrl());
		return new ReportsDatabase(JdbcClient.create(replica), replica);
	}

	/** One connection, with a short timeout so that an unreachable server fails the start in seconds. */
	private static Connection connect(String url, @Nullable String user, @Nullable String password) {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("loginTimeout", "10");
		try {
			return DriverManager.getConnection(url, properties);
		}
		catch (SQLException ex) {
			throw new DatabaseUnreachable(url, ex);
		}
	}

	private static void createDatabaseIfMissing(Connection admin) throws SQLException {
		try (var statement = admin.createStatement()) {
			try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8'");
		}
	}

	/** A pool that also watches, and finally stops, the embedded server it talks to. */
	static final class EmbeddedPool extends HikariDataSource {

		private final EmbeddedServer server;

		private final Watchdog watchdog;

		EmbeddedPool(HikariDataSource settings, EmbeddedServer server) {
			settings.copyStateTo(this);
			this.server = server;
			this.watchdog = new Watchdog(server);
			server.beforeStop(this::closePool);
		}

		EmbeddedServer server() {
			return server;
		}

		/** Closes the pool and its server, the pool first (the server does it when it is stopped first). */
		@Override
		public void close() {
			closePool();
			server.close();
		}

		private void closePool() {
			super.close();
			watchdog.close();
		}

	}

}
