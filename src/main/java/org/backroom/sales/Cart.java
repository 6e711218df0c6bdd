package org.backroom.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The till's cart as the form carries it between requests: one entry per line, with what the item picker showed.
 * The shown prices only make the running total; the sale itself is priced by the server when it is recorded.
 */
record Cart(List<Line> lines) {

	record Line(long itemId, String sku, String name, BigDecimal price, String quantity) {

		@Nullable Integer count() {
			try {
				return Integer.valueOf(quantity.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/** The cart from the form's parallel fields: itemId, sku, name, price and quantity, one of each per line. */
	static Cart from(@Nullable List<Long> itemIds, @Nullable List<String> skus, @Nullable List<String> names,
			@Nullable List<String> prices, @Nullable List<String> quantities) {
		List<Line> lines = new ArrayList<>();
		int size = itemIds == null ? 0 : itemIds.size();
		for (int i = 0; i < size; i++) {
			lines.add(new Line(itemIds.get(i), at(skus, i), at(names, i), price(at(prices, i)), at(quantities, i)));
		}
		return new Cart(List.copyOf(lines));
	}

	BigDecimal total() {
		return lines.stream()
			.filter(line -> line.count() != null)
			.map(line -> line.price().multiply(BigDecimal.valueOf(line.count())))
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, RoundingMode.HALF_UP);
	}

	/** The lines as the sale records them: item and quantity; price and discount are the item's own. */
	List<NewSale.Line> saleLines() {
		return lines.stream().map(line -> new NewSale.Line(line.itemId(), line.count(), null, null)).toList();
	}

	private static String at(@Nullable List<String> values, int index) {
		return values != null && index < values.size() ? values.get(index) : "";
	}

	private static BigDecimal price(String text) {
		try {
			BigDecimal price = new BigDecimal(text.strip());
			// The shown price only feeds the running total: anything no till would show counts as nothing, so
			// that a crafted "1E+30000000" cannot make the server expand a number of millions of digits.
			return price.scale() > 2 || price.precision() - price.scale() > 12 ? BigDecimal.ZERO : price;
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ZERO;
		}
	}

}
