package org.backroom.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where reports and exports read: a read replica when {@code BACKROOM_DB_REPLICA_URL} is set, else the primary.
 * The replica's pool is read-only twice over (the driver's {@code readOnly} and the server's
 * {@code default_transaction_read_only}), so nothing can write through it, and names itself
 * {@code backroom-reports} in {@code pg_stat_activity}. Its statements run outside the caller's transaction (a
 * replica is a different server): each in a read-only transaction of its own, so that a CSV still streams.
 */
public final class ReportsDatabase implements AutoCloseable {

	static final String APPLICATION_NAME = "backroom-reports";

	private final JdbcClient jdbc;

	private final @Nullable HikariDataSource replica;

	ReportsDatabase(JdbcClient jdbc, @Nullable HikariDataSource replica) {
		this.jdbc = jdbc;
		this.replica = replica;
	}

	/** SQL for reports: on the replica's pool when there is one. */
	public JdbcClient jdbc() {
		return jdbc;
	}

	/** Whether reports read a replica. */
	public boolean onReplica() {
		return replica != null;
	}

	static HikariDataSource replicaPool(DatabaseSettings db) {
		var pool = new HikariDataSource();
		pool.setPoolName("backroom-replica");
		pool.setJdbcUrl(db.replicaUrl());
		pool.setUsername(db.user());
		pool.setPassword(db.password());
		pool.setReadOnly(true);
		// Off: a statement outside a transaction would make the driver fetch a whole export at once.
		pool.setAutoCommit(false);
		pool.setMaximumPoolSize(4);
		pool.setConnectionTimeout(3_000);
		pool.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
		pool.addDataSourceProperty("options", "-c default_transaction_read_only=on");
		return pool;
	}

	@Override
	public void close() {
		if (replica != null) {
			replica.close();
		}
	}

}
