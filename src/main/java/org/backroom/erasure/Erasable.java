package org.backroom.erasure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;

import org.backroom.audit.PersonalData;
import org.backroom.web.Refusal;

/** A kind of record that holds a person: what erasing one blanks, and what must be settled first. */
interface Erasable {

	/** The table that holds this kind of person. */
	PersonTable table();

	/** Singular, as in audit entries and actions: {@code customer}. */
	default String kind() {
		return table().kind();
	}

	/** The collection under {@code /api}: {@code customers}. */
	default String path() {
		return table().path();
	}

	/** The person, locked {@code FOR UPDATE} when {@code lock}. */
	default Person read(long id, boolean lock) {
		return table().read(id, lock);
	}

	/** What must be settled before this person can be erased (open credit, open orders, …), beyond a hold. */
	Optional<Refusal> unsettled(Person person);

	/** The personal fields that erasure blanks, by their API names. */
	List<String> fields();

	/** How many copies of the person's data each snapshot holds: {@code {"salesOrders": 12}}. */
	Map<String, Long> copies(Person person);

	/** The person's data as the audit trail may quote it. */
	PersonalData personalData(Person person);

	/** Blanks the record and every snapshot of it; the record becomes ERASED with this (scrubbed) reason. */
	void blank(Person person, String reason);

	/** Sets the legal hold with its reason, or releases it (null). */
	default void setHold(long id, @org.jspecify.annotations.Nullable String reason) {
		table().setHold(id, reason);
	}

	/** The record and what points to it, for the person's own copy: tables of named columns. */
	Map<String, List<Map<String, Object>>> export(Person person);

	/** Tables in the order given: {@code tables("record", rows, "orders", rows)}. */
	@SuppressWarnings("unchecked")
	static Map<String, List<Map<String, Object>>> tables(Object... namesAndRows) {
		Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndRows.length; i += 2) {
			tables.put((String) namesAndRows[i], (List<Map<String, Object>>) namesAndRows[i + 1]);
		}
		return tables;
	}

}
