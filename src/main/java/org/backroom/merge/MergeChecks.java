package org.backroom.merge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.backroom.customer.Customer;
import org.backroom.customer.CustomerMerging;
import org.backroom.merge.MergePreview.Conflict;
import org.backroom.merge.MergePreview.Refused;
import org.backroom.merge.MergePreview.Side;

import org.springframework.stereotype.Component;

/** The rules of what may be merged, and the preview built from them; read in the caller's transaction. */
@Component
class MergeChecks {

	private final CustomerMerging customers;

	private final Merges merges;

	MergeChecks(CustomerMerging customers, Merges merges) {
		this.customers = customers;
		this.merges = merges;
	}

	MergePreview preview(long survivorId, List<Long> duplicateIds) {
		List<Refused> refused = new ArrayList<>();
		Optional<Customer> survivor = customers.find(survivorId);
		List<Side> sides = new ArrayList<>();
		List<Conflict> conflicts = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		survivor.ifPresentOrElse(s -> {
			refuse(s, true).ifPresent(refused::add);
			sides.add(side(s, true));
		}, () -> refused.add(Refused.of(survivorId, "not-found", "There is no customer with id " + survivorId + ".")));
		long orders = 0;
		BigDecimal balance = BigDecimal.ZERO;
		for (long id : duplicateIds) {
			Optional<Customer> duplicate = customers.find(id);
			if (duplicate.isEmpty()) {
				refused.add(Refused.of(id, "not-found", "There is no customer with id " + id + "."));
				continue;
			}
			Customer d = duplicate.get();
			refuse(d, false).ifPresent(refused::add);
			Side side = side(d, false);
			sides.add(side);
			orders += side.orders();
			balance = balance.add(d.balance());
			survivor.ifPresent(s -> conflicts.addAll(conflicts(s, d)));
		}
		BigDecimal after = survivor.map(Customer::balance).orElse(BigDecimal.ZERO).add(balance);
		survivor.ifPresent(s -> warn(s, after, warnings));
		return new MergePreview(survivorId, sides, new MergePreview.Moves(orders, MergePreview.money(balance),
				MergePreview.money(after)), conflicts, warnings, refused, refused.isEmpty());
	}

	private static void warn(Customer survivor, BigDecimal after, List<String> warnings) {
		if (after.signum() > 0 && after.compareTo(survivor.creditLimit()) > 0) {
			warnings.add("The combined balance of " + MergePreview.money(after) + " is over the survivor's credit limit of "
					+ MergePreview.money(survivor.creditLimit()) + ": it moves all the same, new credit sales are refused.");
		}
	}

	/** Why this record cannot take part in a merge, on its side (survivor or duplicate), if it cannot. */
	Optional<Refused> refuse(Customer c, boolean asSurvivor) {
		String label = c.name() + " (" + c.code() + ")";
		if (c.system()) {
			return Optional.of(Refused.of(c.id(), "system-record", label + " is the walk-in customer: it is never merged."));
		}
		switch (c.status().name()) {
			case "DELETED" -> {
				return Optional.of(Refused.of(c.id(), "in-trash", label + " is in the trash: restore it first."));
			}
			case "ERASED" -> {
				return Optional.of(Refused.of(c.id(), "erased", label + " was erased: it is never merged."));
			}
			case "MERGED" -> {
				return Optional.of(new Refused(c.id(), "merged", label + " was already merged into customer "
						+ c.mergedInto() + (asSurvivor ? "; merge into that one instead (no chains of merges)." : "."),
						c.mergedInto()));
			}
			default -> { }
		}
		if (!asSurvivor && customers.mergedIntoIt(c.id()) > 0) {
			return Optional.of(Refused.of(c.id(), "has-merged", label + " is the survivor of earlier merges: merge the"
					+ " other way round, or unmerge those first (no chains of merges)."));
		}
		return Optional.empty();
	}

	private Side side(Customer c, boolean survivor) {
		return new Side(c.id(), c.code(), c.name(), c.email(), c.phone(), c.address(), c.taxNumber(), c.notes(),
				c.creditAllowed(), MergePreview.money(c.creditLimit()), MergePreview.money(c.balance()),
				c.status().name(), merges.orders(c.id()), survivor);
	}

	static Map<String, Object> values(Customer c) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", c.name());
		values.put("email", Objects.requireNonNullElse(c.email(), ""));
		values.put("phone", Objects.requireNonNullElse(c.phone(), ""));
		values.put("address", Objects.requireNonNullElse(c.address(), ""));
		values.put("taxNumber", Objects.requireNonNullElse(c.taxNumber(), ""));
		values.put("notes", Objects.requireNonNullElse(c.notes(), ""));
		values.put("creditAllowed", c.creditAllowed());
		values.put("creditLimit", MergePreview.money(c.creditLimit()));
		return values;
	}

	private static List<Conflict> conflicts(Customer survivor, Customer duplicate) {
		Map<String, Object> mine = values(survivor);
		Map<String, Object> theirs = values(duplicate);
		List<Conflict> conflicts = new ArrayList<>();
		for (String field : CustomerMerging.FIELDS) {
			if (!Objects.equals(mine.get(field), theirs.get(field)) && !"".equals(theirs.get(field))) {
				conflicts.add(new Conflict(field, duplicate.id(), mine.get(field), theirs.get(field)));
			}
		}
		return conflicts;
	}

}
