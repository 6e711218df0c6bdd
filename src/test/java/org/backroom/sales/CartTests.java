package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The till's running total is made from what the form sends back, so it must survive what anyone could send. */
class CartTests {

	@Test
	void addsUpWhatTheTillShows() {
		Cart cart = Cart.from(List.of(1L, 2L), List.of("A", "B"), List.of("Tea", "Jam"), List.of("4.50", "2.25"),
				List.of("2", "1"));
		assertThat(cart.total()).isEqualByComparingTo("11.25");
	}

	@Test
	void countsACraftedHugeOrOverPrecisePriceAsNothing() {
		// Without the guard, "1E+30000000" is expanded to thirty million digits: minutes of CPU for one request.
		// The preemptive timeout only keeps a regression from hanging the build; it measures nothing.
		Cart cart = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cart.from(List.of(1L, 2L, 3L),
				List.of("A", "B", "C"), List.of("x", "y", "z"), List.of("1E+30000000", "0.001", "not a price"),
				List.of("1", "1", "1")));
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), cart::total)).isEqualByComparingTo("0");
	}

}
