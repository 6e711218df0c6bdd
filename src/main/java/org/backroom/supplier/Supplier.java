package org.backroom.supplier;

import java.time.Instant;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordKind;
import org.jspecify.annotations.Nullable;

/**
 * A supplier as the API shows it: what was entered, plus code, lifecycle status and version; a merged supplier names
 * the survivor it was folded into.
 */
public record Supplier(long id, String code, String name, @Nullable String contactName, @Nullable String email,
		@Nullable String phone, @Nullable String address, @Nullable String taxNumber, @Nullable String paymentTerms,
		@Nullable String notes, LifecycleStatus status, @Nullable String statusReason,
		@Nullable Instant statusChangedAt, Instant createdAt, Instant updatedAt, long version, @Nullable Long mergedInto)
		implements RecordKind.Versioned {

	/** The columns this record is read from, by name. */
	static final String SELECT = """
			SELECT id, code, name, contact_name, email, phone, address, tax_number, payment_terms, notes, status,
			       status_reason, status_changed_at, created_at, updated_at, version, merged_into
			FROM suppliers""";

}
