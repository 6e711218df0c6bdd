package org.backroom.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the cells of an imported row, for the kinds that check them: text as typed (a cell that our CSV export
 * neutralised as a formula, {@code '=…}, gets its quote back off), booleans and amounts strictly, and the checks of
 * a form record turned into errors by column (a form's fields are named as the columns are).
 */
public final class Cells {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠');

	private Cells() {
	}

	/** The cell's text, stripped, null when empty; a leading quote the export added before a formula is removed. */
	public static @Nullable String text(Map<String, @Nullable String> cells, String column) {
		String value = cells.get(column);
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.contains(text.charAt(1))) {
			return text.substring(1);
		}
		return text;
	}

	/** {@code true} or {@code false} (any case); empty is false. A different word is an error of that column. */
	public static boolean bool(Map<String, @Nullable String> cells, String column, Map<String, String> errors) {
		String text = text(cells, column);
		if (text == null || text.equalsIgnoreCase("false")) {
			return false;
		}
		if (text.equalsIgnoreCase("true")) {
			return true;
		}
		errors.put(column, "must be true or false");
		return false;
	}

	/** An amount such as {@code 12.50}; null when empty or when it is not a number (an error of that column). */
	public static @Nullable BigDecimal amount(Map<String, @Nullable String> cells, String column, Map<String, String> errors) {
		String text = text(cells, column);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			errors.put(column, "must be an amount such as 12.50");
			return null;
		}
	}

	/** An amount as the database keeps it (two decimals), for comparing and audit: {@code 5} is {@code 5.00}. */
	public static @Nullable String amountText(@Nullable BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}

	/** The form's violations as errors of the columns its fields are named after; the first one per column wins. */
	public static void violations(Collection<? extends ConstraintViolation<?>> violations, Map<String, String> errors) {
		violations.forEach(violation -> errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
	}

	/** Rows as JSON, for a multi-row statement over {@code jsonb_to_recordset}. */
	/** A new row's values with its place in the batch, which a multi-row insert keeps (ORDER BY ord). */
	public static Map<String, @Nullable Object> ordered(int ord, Map<String, @Nullable Object> values) {
		values.put("ord", ord);
		return values;
	}

	public static String json(Object rows) {
		return JSON.writeValueAsString(rows);
	}

}
