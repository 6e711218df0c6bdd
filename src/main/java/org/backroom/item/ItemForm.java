package org.backroom.item;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a person enters about an item. */
record ItemForm(
		@NotBlank(message = "is required") @Size(max = 64)
		@Pattern(regexp = "\\S+", message = "must not contain spaces") @Nullable String sku,
		@NotBlank(message = "is required") @Size(max = 200) @Nullable String name,
		@Size(max = 4000) @Nullable String description,
		@Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]*", message = "may hold only digits, letters and dashes") @Nullable String barcode,
		@Size(max = 100) @Nullable String category,
		@NotNull(message = "is required") @DecimalMin(value = "0.00", message = "must not be negative")
		@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal price,
		@DecimalMin(value = "0.00", message = "must not be negative")
		@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal cost,
		@Nullable Boolean trackStock) {

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
