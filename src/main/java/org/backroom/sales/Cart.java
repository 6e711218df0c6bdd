package org.backroom.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The till's cart as the form carries it between requests: one line per row, with what the item picker showed.
 * The shown prices only make the running total; the sale itself is priced by the server when it is recorded.
 */
record Cart(List<Line> lines) {

	/**
	 * A row of the cart as the form sends it ({@code lines[0].itemId} and so on); a value that could not be read
	 * is null here, and its text is in the form's binding result.
	 */
	record Row(@Nullable Long itemId, @Nullable String sku, @Nullable String name, @Nullable BigDecimal price,
			@Nullable Integer quantity) {
	}

	/** A line as the till shows it: the quantity as typed, and {@code count} when it could be read. */
	record Line(long itemId, String sku, String name, BigDecimal price, String quantity, @Nullable Integer count) {
	}

	/**
	 * The cart from the form's rows; {@code typed} gives a field's text as sent ({@code lines[0].quantity}), so that
	 * an unreadable quantity is shown again as typed. A row without an item is no line (the form always sends one).
	 */
	static Cart from(@Nullable List<@Nullable Row> rows, Function<String, @Nullable Object> typed) {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; rows != null && i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row == null || row.itemId() == null) {
				continue;
			}
			Object quantity = typed.apply("lines[" + i + "].quantity");
			lines.add(new Line(row.itemId(), text(row.sku()), text(row.name()), shown(row.price()),
					quantity == null ? "" : quantity.toString(), row.quantity()));
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

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/**
	 * The shown price only feeds the running total: anything no till would show counts as nothing, so that a
	 * crafted "1E+30000000" cannot make the server expand a number of millions of digits.
	 */
	private static BigDecimal shown(@Nullable BigDecimal price) {
		return price == null || price.scale() > 2 || price.precision() - price.scale() > 12 ? BigDecimal.ZERO : price;
	}

}
