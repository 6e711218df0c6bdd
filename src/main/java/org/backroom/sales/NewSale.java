package org.backroom.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.backroom.item.SaleItem;
import org.backroom.platform.Money;
import org.jspecify.annotations.Nullable;

/** A sale as the till sends it: an optional customer (walk-in when none), a payment method, and lines. */
record NewSale(@Nullable Long customerId, @NotNull(message = "is required: CASH, CARD or CREDIT") @Nullable Payment payment,
		@NotEmpty(message = "a sale needs at least one line") @Size(max = 200, message = "at most 200 lines") @Valid
		@Nullable List<@NotNull(message = "is not a line") @Valid Line> lines) {

	/** How the customer pays. */
	enum Payment {

		CASH, CARD, CREDIT

	}

	/** One line: an item, how many, and optionally a price and a discount off the line. */
	public record Line(@NotNull(message = "is required") @Nullable Long itemId,
			@NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
			@Max(value = 100_000, message = "must be at most 100000") @Nullable Integer quantity,
			@DecimalMin(value = "0.00", message = "must not be negative")
			@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal unitPrice,
			@DecimalMin(value = "0.00", message = "must not be negative")
			@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal discount) {

		/**
		 * This line as order line {@code lineNo}: at the item's price unless the line names one, less its discount.
		 * @throws PricedSale.LineRefused when the discount is more than the line, or the line more than an order
		 * may come to
		 */
		SalesOrder.Line priced(int lineNo, SaleItem item) {
			int count = Objects.requireNonNull(quantity);
			BigDecimal price = money(unitPrice != null ? unitPrice : item.price());
			BigDecimal off = money(discount != null ? discount : BigDecimal.ZERO);
			BigDecimal gross = price.multiply(BigDecimal.valueOf(count));
			if (off.compareTo(gross) > 0) {
				throw new PricedSale.LineRefused(".discount", "must not exceed the line's " + gross.toPlainString());
			}
			BigDecimal lineTotal = gross.subtract(off);
			if (!Money.fitsOrderTotal(lineTotal)) {
				throw new PricedSale.LineRefused("",
						"the line comes to more than " + Money.MAX_ORDER_TOTAL.toPlainString());
			}
			return new SalesOrder.Line(lineNo, item.id(), item.sku(), item.name(), count, price, off, lineTotal);
		}

		private static BigDecimal money(BigDecimal amount) {
			return amount.setScale(2, RoundingMode.HALF_UP);
		}

	}

}
