package org.backroom.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One PostgreSQL for Backroom: an external server when {@code BACKROOM_DB_URL} is set, otherwise an embedded
 * PostgreSQL 17 started here and stopped with the application.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final String DATABASE = "backroom";

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseSettings db, DataSettings data) throws IOException, SQLException {
		var pool = new HikariDataSource();
		pool.setPoolName("backroom");
		if (db.external()) {
			pool.setJdbcUrl(db.url());
			pool.setUsername(db.user());
			pool.setPassword(db.password());
			return pool;
		}
		EmbeddedServer server = EmbeddedServer.start(data);
		pool.setJdbcUrl(server.postgres().getJdbcUrl("postgres", DATABASE));
		return new EmbeddedPool(pool, server);
	}

	/** A pool that also stops the embedded server it talks to. */
	static final class EmbeddedPool extends HikariDataSource {

		private final EmbeddedServer server;

		EmbeddedPool(HikariDataSource settings, EmbeddedServer server) {
			settings.copyStateTo(this);
			this.server = server;
		}

		@Override
		public void close() {
			super.close();
			server.close();
		}

	}

	/** The embedded PostgreSQL process and its data directory. */
	record EmbeddedServer(EmbeddedPostgres postgres) implements AutoCloseable {

		static EmbeddedServer start(DataSettings data) throws IOException, SQLException {
			var builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "100");
			if (!data.ephemeral()) {
				Path dir = Path.of(data.dir()).toAbsolutePath();
				Files.createDirectories(dir);
				builder.setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(false);
			}
			long started = System.nanoTime();
			EmbeddedPostgres postgres = builder.start();
			createDatabaseIfMissing(postgres.getPostgresDatabase());
			log.info("Embedded PostgreSQL ready on port {} in {} ms ({})", postgres.getPort(),
					(System.nanoTime() - started) / 1_000_000,
					data.ephemeral() ? "throw-away data" : "data in " + Path.of(data.dir()).toAbsolutePath());
			return new EmbeddedServer(postgres);
		}

		private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
			try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
				try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
					if (rs.next()) {
						return;
					}
				}
				statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8'");
			}
		}

		@Override
		public void close() {
			try {
				postgres.close();
				log.info("Embedded PostgreSQL stopped");
			}
			catch (IOException ex) {
				log.warn("Embedded PostgreSQL did not stop cleanly", ex);
			}
		}

	}

}
