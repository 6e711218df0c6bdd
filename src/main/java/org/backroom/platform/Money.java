package org.backroom.platform;

import java.math.BigDecimal;

/** Limits of the money columns, so that an amount too large to store is refused as input, not failed on insert. */
public final class Money {

	/** The largest order or line total a {@code numeric(14, 2)} column holds. */
	public static final BigDecimal MAX_ORDER_TOTAL = new BigDecimal("999999999999.99");

	private Money() {
	}

	public static boolean fitsOrderTotal(BigDecimal amount) {
		return amount.compareTo(MAX_ORDER_TOTAL) <= 0;
	}

}
