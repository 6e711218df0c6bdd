package org.backroom.sales;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A sale as the till sends it: an optional customer (walk-in when none), a payment method, and lines. */
public record NewSale(@Nullable Long customerId, @NotNull(message = "is required: CASH, CARD or CREDIT") @Nullable Payment payment,
		@NotEmpty(message = "a sale needs at least one line") @Size(max = 200, message = "at most 200 lines") @Valid
		@Nullable List<@NotNull(message = "is not a line") @Valid Line> lines) {

	/** How the customer pays. */
	public enum Payment {

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
	}

}
