package org.backroom.benchmark;

import java.time.Duration;

/**
 * How big the generated store is and how long each measurement runs. {@code 1m} is the size Backroom is designed
 * for: a million customers, 5,000 items, two million orders of five lines each over two years.
 *
 * @param name as given on the command line ({@code -Dscale=1m})
 * @param customers generated customers (the walk-in customer comes on top)
 * @param items generated items
 * @param orders generated sales orders, each with {@link #LINES_PER_ORDER} lines
 * @param phase how long one measured phase (one side of one path at one concurrency) runs
 * @param rounds how many times the API and the bare SQL phases alternate for each path
 * @param warmUp how long the warm-up may run at most before anything is measured ({@link WarmUp})
 */
record Scale(String name, int customers, int items, int orders, Duration phase, int rounds, Duration warmUp) {

	static final int LINES_PER_ORDER = 5;

	/** The months of history the orders are spread over, ending now. */
	static final int MONTHS = 24;

	static Scale named(String name) {
		return switch (name) {
			case "1m" -> new Scale(name, 1_000_000, 5_000, 2_000_000, Duration.ofSeconds(5), 2, Duration.ofMinutes(5));
			case "100k" -> new Scale(name, 100_000, 2_000, 200_000, Duration.ofSeconds(3), 2, Duration.ofMinutes(2));
			case "small" -> new Scale(name, 3_000, 200, 8_000, Duration.ofSeconds(1), 1, Duration.ofSeconds(30));
			case "smoke" -> new Scale(name, 3_000, 200, 8_000, Duration.ofMillis(200), 1, Duration.ofSeconds(1));
			default -> throw new IllegalArgumentException("scale must be 1m, 100k, small or smoke, not " + name);
		};
	}

	long lines() {
		return (long) orders * LINES_PER_ORDER;
	}

	/** The same store measured for a different time, for example a longer run by hand. */
	Scale withPhase(Duration phase) {
		return new Scale(name, customers, items, orders, phase, rounds, warmUp);
	}

}
