package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The till's running total is made from what the form sends back, so it must survive what anyone could send. */
class CartTests {

	@Test
	void addsUpWhatTheTillShows() {
		Cart cart = Cart.from(List.of(row(1, "4.50", 2), row(2, "2.25", 1)), field -> null);
		assertThat(cart.total()).isEqualByComparingTo("11.25");
	}

	@Test
	void countsACraftedHugeOrOverPrecisePriceAsNothing() {
		// Without the guard, "1E+30000000" is expanded to thirty million digits: minutes of CPU for one request.
		// The preemptive timeout only keeps a regression from hanging the build; it measures nothing.
		Cart cart = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> Cart.from(List.of(row(1, "1E+30000000", 1), row(2, "0.001", 1)), field -> null));
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), cart::total)).isEqualByComparingTo("0");
	}

	@Test
	void showsAQuantityAsTypedAndLeavesItOutOfTheTotalWhenItCouldNotBeRead() {
		Cart cart = Cart.from(List.of(row(1, "4.50", 2), new Cart.Row(2L, "B", "Jam", new BigDecimal("2.25"), null)),
				field -> field.equals("lines[1].quantity") ? "lots" : null);
		assertThat(cart.lines().get(1).quantity()).isEqualTo("lots");
		assertThat(cart.total()).isEqualByComparingTo("9.00");
	}

	private static Cart.Row row(long itemId, String price, int quantity) {
		return new Cart.Row(itemId, "SKU-" + itemId, "Item " + itemId, new BigDecimal(price), quantity);
	}

}
