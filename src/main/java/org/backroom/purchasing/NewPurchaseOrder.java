package org.backroom.purchasing;

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

/** A purchase order as a manager drafts it: a supplier and lines. */
record NewPurchaseOrder(@NotNull(message = "is required") @Nullable Long supplierId,
		@NotEmpty(message = "a purchase order needs at least one line") @Size(max = 500, message = "at most 500 lines")
		@Valid @Nullable List<Line> lines) {

	/** One line: an item, how many, and the unit cost (the item's cost when left out). */
	record Line(@NotNull(message = "is required") @Nullable Long itemId,
			@NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
			@Max(value = 1_000_000, message = "must be at most 1000000") @Nullable Integer quantity,
			@DecimalMin(value = "0.00", message = "must not be negative")
			@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal unitCost) {
	}

}
