package org.backroom.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A sales order as it was made: the customer's name and each line's item, price and discount are snapshots, so
 * the order reads the same whatever happens to the customer or the items later.
 */
record SalesOrder(long id, String number, long customerId, String customerName, NewSale.Payment payment,
		String status, BigDecimal total, Instant createdAt, String createdBy, List<Line> lines) {

	/** This order with these lines. */
	SalesOrder withLines(List<Line> lines) {
		return new SalesOrder(id, number, customerId, customerName, payment, status, total, createdAt, createdBy,
				List.copyOf(lines));
	}

	/** One line as sold. */
	public record Line(int lineNo, long itemId, String sku, String name, int quantity, BigDecimal unitPrice,
			BigDecimal discount, BigDecimal lineTotal) {
	}

}
