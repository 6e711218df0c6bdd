package org.backroom.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.backroom.item.PurchaseItem;
import org.backroom.platform.Money;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;

/** A purchase order as a manager drafts it: a supplier and lines. */
record NewPurchaseOrder(@NotNull(message = "is required") @Nullable Long supplierId,
		@NotEmpty(message = "a purchase order needs at least one line") @Size(max = 500, message = "at most 500 lines")
		@Nullable List<@NotNull(message = "is not a line") @Valid Line> lines) {

	/** The largest amount the order's columns hold (numeric(14, 2)): more is refused as input, not failed on. */
	static final BigDecimal MAX_TOTAL = Money.MAX_ORDER_TOTAL;

	/** One line: an item, how many, and the unit cost (the item's cost when left out). */
	record Line(@NotNull(message = "is required") @Nullable Long itemId,
			@NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
			@Max(value = 1_000_000, message = "must be at most 1000000") @Nullable Integer quantity,
			@DecimalMin(value = "0.00", message = "must not be negative")
			@Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals") @Nullable BigDecimal unitCost) {
	}

	/** The item of each line, in line order (validated input: none is null). */
	List<Long> itemIds() {
		return Objects.requireNonNull(lines).stream().map(line -> Objects.requireNonNull(line.itemId())).toList();
	}

	/**
	 * The lines as the order keeps them: snapshots of the items, and costs (the unit cost asked for, or else the
	 * item's cost). Refuses, naming each line, a line without any cost or an order too large to hold.
	 */
	List<PurchaseOrder.Line> priced(Map<Long, PurchaseItem> items) {
		List<Line> requested = Objects.requireNonNull(lines);
		List<PurchaseOrder.Line> priced = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		for (int index = 0; index < requested.size(); index++) {
			Line line = requested.get(index);
			PurchaseItem item = Objects.requireNonNull(items.get(line.itemId()));
			BigDecimal unitCost = line.unitCost() != null ? line.unitCost() : item.cost();
			if (unitCost == null) {
				errors.add(new FieldError("lines[" + index + "].unitCost", "is required: " + item.label() + " has no cost"));
				continue;
			}
			int quantity = Objects.requireNonNull(line.quantity());
			BigDecimal cost = unitCost.setScale(2, RoundingMode.HALF_UP);
			BigDecimal lineTotal = cost.multiply(BigDecimal.valueOf(quantity));
			if (lineTotal.compareTo(MAX_TOTAL) > 0) {
				errors.add(new FieldError("lines[" + index + "]", "the line comes to more than " + MAX_TOTAL.toPlainString()));
				continue;
			}
			priced.add(new PurchaseOrder.Line(index + 1, item.id(), item.sku(), item.name(), quantity, cost, lineTotal));
		}
		BigDecimal total = priced.stream().map(PurchaseOrder.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(MAX_TOTAL) > 0) {
			errors.add(new FieldError("lines", "the order comes to more than " + MAX_TOTAL.toPlainString()));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		return priced;
	}

}
