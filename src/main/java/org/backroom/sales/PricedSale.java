package org.backroom.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.item.SaleItem;
import org.backroom.platform.Money;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;

/**
 * A sale's lines priced against their locked items: each order line, how many of each item leave the stock, and
 * what the sale comes to. Refuses the whole sale, naming every refused line, or a total past what an order holds.
 */
record PricedSale(List<SalesOrder.Line> lines, Map<Long, Integer> quantities, BigDecimal total) {

	static PricedSale of(List<NewSale.Line> requested, Map<Long, SaleItem> items) {
		List<SalesOrder.Line> lines = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int index = 0; index < requested.size(); index++) {
			NewSale.Line line = requested.get(index);
			try {
				SalesOrder.Line priced = line.priced(index + 1, Objects.requireNonNull(items.get(line.itemId())));
				lines.add(priced);
				quantities.merge(priced.itemId(), priced.quantity(), Integer::sum);
				total = total.add(priced.lineTotal());
			}
			catch (LineRefused refused) {
				errors.add(new FieldError("lines[" + index + "]" + refused.field, refused.getMessage()));
			}
		}
		if (errors.isEmpty() && !Money.fitsOrderTotal(total)) {
			errors.add(new FieldError("lines", "the sale comes to more than " + Money.MAX_ORDER_TOTAL.toPlainString()));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		return new PricedSale(List.copyOf(lines), quantities, total);
	}

	/** A line that cannot be sold as asked; {@code field} is the part of the line at fault ("" for the line). */
	static final class LineRefused extends RuntimeException {

		private final String field;

		LineRefused(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

	}

}
