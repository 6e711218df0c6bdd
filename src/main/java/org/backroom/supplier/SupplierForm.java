package org.backroom.supplier;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a person enters about a supplier, for a new one or an edit. */
record SupplierForm(@NotBlank(message = "is required") @Size(max = 200) @Nullable String name,
		@Size(max = 200) @Nullable String contactName,
		@Email(message = "is not an email address") @Size(max = 254) @Nullable String email,
		@Size(max = 40) @Nullable String phone, @Size(max = 1000) @Nullable String address,
		@Size(max = 50) @Nullable String taxNumber, @Size(max = 100) @Nullable String paymentTerms,
		@Size(max = 4000) @Nullable String notes) {

	/** The form as SQL parameters: text trimmed, blanks stored as null. */
	Map<String, @Nullable Object> columns() {
		var params = new HashMap<String, @Nullable Object>();
		params.put("name", String.valueOf(name).strip());
		params.put("contactName", blankToNull(contactName));
		params.put("email", blankToNull(email));
		params.put("phone", blankToNull(phone));
		params.put("address", blankToNull(address));
		params.put("taxNumber", blankToNull(taxNumber));
		params.put("paymentTerms", blankToNull(paymentTerms));
		params.put("notes", blankToNull(notes));
		return params;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
