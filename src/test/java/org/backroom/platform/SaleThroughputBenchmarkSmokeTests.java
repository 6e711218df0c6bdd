package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The durability benchmark ({@link SaleThroughputBenchmark}) run for one second on the durable server, in the normal
 * build, so that it cannot rot while nobody runs it by hand.
 */
class SaleThroughputBenchmarkSmokeTests {

	@Test
	void theBenchmarkRunsAndSells() throws InterruptedException {
		assertThat(SaleThroughputBenchmark.salesPerSecond(false, 1)).isPositive();
	}

}
