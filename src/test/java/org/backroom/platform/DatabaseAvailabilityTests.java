package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.backroom.support.BackroomProcess;
import org.junit.jupiter.api.Test;

/**
 * A last write at shutdown asks whether the database is still there: when its server is already gone (as at the end
 * of a test run), the answer comes at once, not after the pool's connection timeout.
 */
class DatabaseAvailabilityTests {

	@Test
	void saysAtOnceThatADatabaseWhoseServerIsGoneIsUnreachable() throws Exception {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + BackroomProcess.freePort() + "/backroom");
			pool.setConnectionTimeout(3000);
			DatabaseAvailability availability = new DatabaseAvailability(pool);
			try {
				long started = System.nanoTime();
				boolean reachable = availability.reachableNow();
				long millis = (System.nanoTime() - started) / 1_000_000;
				System.out.printf("reachableNow() answered %s after %d ms (the pool would wait %d ms)%n", reachable,
						millis, pool.getConnectionTimeout());
				assertThat(reachable).isFalse();
				assertThat(millis).isLessThan(1000);
			}
			finally {
				availability.destroy();
			}
		}
	}

}
