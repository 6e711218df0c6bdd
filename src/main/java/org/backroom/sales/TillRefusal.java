package org.backroom.sales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.LifecycleRefusals.RecordInactive;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.web.Refusal;

/**
 * A refused sale told as a cashier can act on it: items named as the cart shows them, no internal ids, and only
 * advice a cashier can follow at the till (remove the line, lower the quantity, take another payment), with the
 * lines to fix. The API keeps its own, fuller problem details.
 *
 * @param message what the till says at the top
 * @param lines the item ids of the lines to fix, each with its short note
 */
record TillRefusal(String message, Map<Long, String> lines) {

	static TillRefusal of(Refusal refusal, Cart cart) {
		return switch (refusal.slug()) {
			case "record-inactive" -> inactive(refusal, cart);
			case "insufficient-stock" -> stock(refusal, cart);
			case "credit-refused" -> new TillRefusal(refusal.getMessage() + " Take cash or card instead.", Map.of());
			default -> new TillRefusal(refusal.title() + ": " + refusal.getMessage(), Map.of());
		};
	}

	private static TillRefusal inactive(Refusal refusal, Cart cart) {
		List<String> sentences = new ArrayList<>();
		Map<Long, String> lines = new LinkedHashMap<>();
		if (refusal.properties().get("inactiveRecords") instanceof List<?> records) {
			for (Object entry : records) {
				if (entry instanceof RecordInactive.Inactive record) {
					String state = record.status() == LifecycleStatus.DELETED ? "deleted" : "inactive";
					if (record.recordKind().equals("item")) {
						sentences.add(nameIn(cart, record.recordId(), record.label()) + " is no longer sold (" + state
								+ "). Remove it to finish the sale.");
						lines.put(record.recordId(), "No longer sold: remove this line");
					}
					else {
						sentences.add("The customer " + record.label() + " can no longer buy (" + state
								+ "). Choose another customer or sell to the walk-in customer.");
					}
				}
			}
		}
		return sentences.isEmpty() ? new TillRefusal(refusal.getMessage(), lines)
				: new TillRefusal(String.join(" ", sentences), lines);
	}

	private static TillRefusal stock(Refusal refusal, Cart cart) {
		Object id = refusal.properties().get("itemId");
		if (!(id instanceof Long itemId)) {
			return new TillRefusal(refusal.getMessage(), Map.of());
		}
		String name = nameIn(cart, itemId, "An item");
		Object onHand = refusal.properties().get("stockOnHand");
		return new TillRefusal(name + ": only " + onHand + " in stock. Lower the quantity or remove it to finish the sale.",
				Map.of(itemId, "Only " + onHand + " in stock"));
	}

	/** The item's name as the cart line shows it, or the record's label when the line has none. */
	private static String nameIn(Cart cart, long itemId, String fallback) {
		return cart.lines()
			.stream()
			.filter(line -> line.itemId() == itemId && !line.name().isBlank())
			.map(Cart.Line::name)
			.findFirst()
			.orElse(fallback);
	}

}
