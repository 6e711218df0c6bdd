package org.backroom.events;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which audited actions other systems hear of, and by what name: {@code customer.deactivate} is
 * {@code CustomerDeactivated}, {@code purchase-order.receive} is {@code PurchaseOrderReceived}. Every other action
 * (edits of personal fields, sign-ins, settings) stays inside the store.
 */
final class EventTypes {

	/** The version of the event document ({@code docs/events/event-v1.schema.json}). */
	static final int VERSION = 1;

	private static final Set<String> MASTER_KINDS = Set.of("customer", "item", "supplier", "staff");

	private static final Map<String, String> PAST = Map.ofEntries(Map.entry("create", "Created"),
			Map.entry("deactivate", "Deactivated"), Map.entry("reactivate", "Reactivated"),
			Map.entry("delete", "Deleted"), Map.entry("restore", "Restored"), Map.entry("purge", "Purged"),
			Map.entry("merge", "Merged"), Map.entry("unmerge", "Unmerged"), Map.entry("erase", "Erased"),
			Map.entry("order", "Ordered"), Map.entry("receive", "Received"), Map.entry("cancel", "Cancelled"));

	private static final Map<String, Set<String>> VERBS = Map.of(
			"sales-order", Set.of("create"),
			"purchase-order", Set.of("create", "order", "receive", "cancel"));

	private static final Set<String> MASTER_VERBS = Set.of("create", "deactivate", "reactivate", "delete", "restore",
			"purge", "merge", "unmerge", "erase");

	private EventTypes() {
	}

	/** The event an action on a record of a kind is, if other systems hear of it. */
	static Optional<String> of(String action, String recordKind) {
		int dot = action.lastIndexOf('.');
		if (dot < 0 || !action.substring(0, dot).equals(recordKind)) {
			return Optional.empty();
		}
		String verb = action.substring(dot + 1);
		Set<String> verbs = MASTER_KINDS.contains(recordKind) ? MASTER_VERBS : VERBS.getOrDefault(recordKind, Set.of());
		return verbs.contains(verb) ? Optional.of(pascal(recordKind) + PAST.get(verb)) : Optional.empty();
	}

	/** Every event type there is, sorted: what a subscriber may choose from. */
	static SortedSet<String> all() {
		SortedSet<String> all = new TreeSet<>();
		MASTER_KINDS.forEach(kind -> MASTER_VERBS.forEach(verb -> all.add(pascal(kind) + PAST.get(verb))));
		VERBS.forEach((kind, verbs) -> verbs.forEach(verb -> all.add(pascal(kind) + PAST.get(verb))));
		return all;
	}

	private static String pascal(String kind) {
		StringBuilder name = new StringBuilder();
		for (String part : kind.split("-")) {
			name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
		}
		return name.toString();
	}

}
