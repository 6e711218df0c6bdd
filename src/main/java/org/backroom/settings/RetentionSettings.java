package org.backroom.settings;

import org.jspecify.annotations.Nullable;

/**
 * The store's retention policy ({@code privacy.retention}), off by default: customers with no sale for so many
 * months are proposed for deactivation, inactive ones with no sale for so many years for erasure. Proposals only;
 * people review and start them.
 */
public record RetentionSettings(@Nullable Integer deactivateAfterMonthsWithoutSale,
		@Nullable Integer eraseAfterYearsInactive) {

	static final String MONTHS = "privacy.retention.deactivateAfterMonthsWithoutSale";

	static final String YEARS = "privacy.retention.eraseAfterYearsInactive";

	public boolean off() {
		return deactivateAfterMonthsWithoutSale == null && eraseAfterYearsInactive == null;
	}

}
