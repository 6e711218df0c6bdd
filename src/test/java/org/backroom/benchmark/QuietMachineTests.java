package org.backroom.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class QuietMachineTests {

	@Test
	void theBusyPartIsWhatWasNeitherIdleNorWaitingForTheDisk() {
		// 100 ticks passed, 30 of them idle or waiting for I/O
		assertThat(QuietMachine.busy(new long[] { 1_000, 400 }, new long[] { 1_100, 430 })).isCloseTo(0.7, within(1e-9));
		assertThat(QuietMachine.busy(new long[] { 1_000, 400 }, new long[] { 1_000, 400 })).isZero();
	}

	@Test
	void aRestartWaitsNoLongerThanItsLimitAndSaysHowBusyTheMachineWas() throws Exception {
		QuietMachine machine = QuietMachine.await(Duration.ofMillis(1));

		assertThat(machine.seconds()).as("one window read, then the limit is reached").isBetween(0.5, 5.0);
		assertThat(machine.busy()).isBetween(0.0, 1.0);
		assertThat(machine.line()).contains("% of the machine's CPU busy");
	}

}
