package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.backroom.support.BackroomProcess;
import org.junit.jupiter.api.Test;

/** A start against an external server that is not there ends soon, with one line that says where and why. */
class UnreachableDatabaseIT {

	@Test
	void failsWithinFifteenSecondsNamingTheUrlAndTheCause() throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:" + BackroomProcess.freePort() + "/backroom";
		long started = System.nanoTime();
		try (BackroomProcess app = BackroomProcess.start("unreachable", Map.of("BACKROOM_DB_URL", url))) {
			assertThat(app.awaitExit(Duration.ofSeconds(15))).as("exited within 15 s:\n%s", app.log()).isTrue();
			long elapsed = (System.nanoTime() - started) / 1_000_000;
			System.out.printf("gave up after %d ms%n", elapsed);
			assertThat(elapsed).as("milliseconds from start to exit").isLessThan(15_000);
			assertThat(app.log().lines().filter(line -> line.contains("Backroom cannot reach its database at " + url)
					&& line.contains("refused"))).hasSize(1);
		}
	}

}
