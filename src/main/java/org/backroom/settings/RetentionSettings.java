package org.backroom.settings;

import java.util.List;
import java.util.Map;

import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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

	/** The settings rows a patch sets ({@code null} turns a rule off), or its errors. */
	static void parse(JsonNode patch, Map<String, @Nullable Object> changes, List<FieldError> errors) {
		JsonNode retention = patch.path("privacy").path("retention");
		field(retention.path("deactivateAfterMonthsWithoutSale"), MONTHS, 1, 1200, changes, errors);
		field(retention.path("eraseAfterYearsInactive"), YEARS, 1, 100, changes, errors);
	}

	private static void field(JsonNode value, String key, int min, int max, Map<String, @Nullable Object> changes,
			List<FieldError> errors) {
		if (value.isMissingNode()) {
			return;
		}
		if (value.isNull()) {
			changes.put(key, null);
		}
		else if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
			errors.add(new FieldError(key, "must be a whole number from " + min + " to " + max + ", or null for off"));
		}
		else {
			changes.put(key, value.asInt());
		}
	}

}
