package org.backroom.customer;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a person enters about a customer, for a new one or an edit. */
record CustomerForm(@NotBlank(message = "is required") @Size(max = 200) @Nullable String name,
		@Email(message = "is not an email address") @Size(max = 254) @Nullable String email,
		@Size(max = 40) @Nullable String phone, @Size(max = 1000) @Nullable String address,
		@Size(max = 50) @Nullable String taxNumber, @Size(max = 4000) @Nullable String notes,
		@Nullable Boolean creditAllowed,
		@DecimalMin(value = "0.00", message = "must not be negative")
		@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal creditLimit) {

	String trimmedName() {
		return name == null ? "" : name.strip();
	}

	boolean credit() {
		return Boolean.TRUE.equals(creditAllowed);
	}

	BigDecimal limit() {
		return creditLimit == null ? BigDecimal.ZERO : creditLimit;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
