package org.backroom.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Whether Backroom can reach its database now, so that requests are answered {@code 503 database-unavailable} at
 * once during an outage instead of each waiting for a connection and failing in its own way. A probe on its own
 * connection (never one of the pool's, which busy requests may hold) checks every second; a request that meets a
 * lost connection says so at once, and the next good probe clears it.
 */
@Component
public class DatabaseAvailability implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final HikariDataSource pool;

	private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "database-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean reachable = true;

	private @Nullable Connection connection;

	DatabaseAvailability(HikariDataSource pool) {
		this.pool = pool;
		probe.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
	}

	public boolean reachable() {
		return reachable;
	}

	/**
	 * Probes now rather than at the next second, on the probe's own connection (connect timeout 2 s; a server that is
	 * gone refuses at once): for a last write at shutdown, which must not wait out the pool's timeout for nothing.
	 */
	public boolean reachableNow() {
		check();
		return reachable;
	}

	/** A request could not reach the database: answer the next ones at once until a probe succeeds. */
	public void lost(Throwable cause) {
		if (reachable) {
			reachable = false;
			log.error("Backroom cannot reach its database: {}", rootMessage(cause));
		}
	}

	// Synchronized: the probe thread and reachableNow share the one connection.
	private synchronized void check() {
		try {
			if (connection == null || !connection.isValid(2)) {
				closeConnection();
				connection = connect();
			}
			if (!reachable) {
				reachable = true;
				log.info("Backroom reaches its database again");
			}
		}
		catch (SQLException | RuntimeException ex) {
			closeConnection();
			lost(ex);
		}
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (pool.getUsername() != null) {
			properties.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			properties.setProperty("password", pool.getPassword());
		}
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("socketTimeout", "5");
		properties.setProperty("ApplicationName", "backroom-probe");
		return DriverManager.getConnection(pool.getJdbcUrl(), properties);
	}

	private void closeConnection() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already broken: nothing to release
			}
			connection = null;
		}
	}

	static String rootMessage(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == cause ? String.valueOf(cause.getMessage())
				: cause.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	public void destroy() {
		probe.shutdownNow();
		closeConnection();
	}

}
