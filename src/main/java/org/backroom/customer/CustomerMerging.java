package org.backroom.customer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.math.BigDecimal;
import java.util.Objects;

import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.RecordMerged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merge of customers needs of this feature, which owns their table: locks, snapshots of a row as it is, the
 * survivor taking fields and the open balance of a duplicate, and the exact restore of a snapshot on unmerge. Runs
 * in the caller's transaction; the caller has checked the permission. The lifecycle's {@code Merging} changes the
 * duplicate's status.
 */
@Service
public class CustomerMerging {

	/** The fields a survivor may take from a duplicate, by their API names. */
	public static final List<String> FIELDS = List.of("name", "email", "phone", "address", "taxNumber", "notes",
			"creditAllowed", "creditLimit");

	private final JdbcClient jdbc;

	private final Customers customers;

	private final RecordKinds kinds;

	CustomerMerging(JdbcClient jdbc, Customers customers, RecordKinds kinds) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.kinds = kinds;
	}

	public RecordKind kind() {
		return kinds.byPath(CustomerRecords.PATH);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Customer> find(long id) {
		return customers.find(id);
	}

	/** How many customers were merged into this one: a record others point to is not merged itself (no chains). */
	@Transactional(propagation = Propagation.MANDATORY)
	public long mergedIntoIt(long id) {
		return jdbc.sql("SELECT count(*) FROM customers WHERE merged_into = ?").param(id).query(Long.class).single();
	}

	/** Locks every named customer FOR UPDATE, in id order (the one lock order). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(Set<Long> ids) {
		ids.stream().sorted(Comparator.naturalOrder()).forEach(id ->
				jdbc.sql("SELECT id FROM customers WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional());
	}

	/** The whole row as it is now, as JSON: what {@link #restore} puts back. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String snapshot(long id) {
		return jdbc.sql("SELECT (to_jsonb(c) - 'search')::text FROM customers c WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/** Whether the row is still exactly as in this snapshot. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean unchangedSince(long id, String snapshot) {
		return jdbc.sql("SELECT (to_jsonb(c) - 'search') = ?::jsonb FROM customers c WHERE id = ?")
			.params(snapshot, id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The survivor takes the chosen fields and the open balance of the duplicate, whose balance becomes zero: the
	 * balance moves by this transfer, never by editing orders. Answers the amount that moved.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public BigDecimal absorb(long survivorId, long duplicateId, Set<String> fromDuplicate) {
		BigDecimal moved = customers.balance(duplicateId);
		String taken = FIELDS.stream()
			.map(field -> {
				String column = column(field);
				return column + " = " + (fromDuplicate.contains(field) ? "d." + column : "s." + column);
			})
			.collect(Collectors.joining(", "));
		jdbc.sql("UPDATE customers s SET " + taken + ", balance = s.balance + d.balance, version = s.version + 1,"
				+ " updated_at = now() FROM customers d WHERE s.id = ? AND d.id = ?")
			.params(survivorId, duplicateId)
			.update();
		jdbc.sql("UPDATE customers SET balance = 0 WHERE id = ?").param(duplicateId).update();
		return moved;
	}

	/**
	 * Puts a row back exactly as its snapshot says, every column the table has (those another feature adds later
	 * too), except its id and the generated search text.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void restore(long id, String snapshot) {
		List<String> columns = jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'customers'
				  AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position""")
			.query(String.class)
			.list();
		String list = String.join(", ", columns);
		jdbc.sql("UPDATE customers SET (" + list + ") = (SELECT " + list
				+ " FROM jsonb_populate_record(NULL::customers, ?::jsonb)) WHERE id = ?")
			.params(snapshot, id)
			.update();
	}

	/** This customer and those merged into it: "all its orders" through the merge link. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> withMerged(long id) {
		return jdbc.sql("SELECT ? UNION ALL SELECT id FROM customers WHERE merged_into = ?")
			.params(id, id)
			.query(Long.class)
			.list();
	}

	static RecordMerged merged(Customers customers, SaleCustomer customer) {
		Customer merged = customers.find(customer.id()).orElseThrow();
		long survivorId = Objects.requireNonNull(merged.mergedInto());
		Customer survivor = customers.find(survivorId).orElseThrow();
		return new RecordMerged("customer", customer.id(), customer.name() + " (" + customer.code() + ")", survivorId,
				survivor.name() + " (" + survivor.code() + ")");
	}

	private static String column(String field) {
		return switch (field) {
			case "taxNumber" -> "tax_number";
			case "creditAllowed" -> "credit_allowed";
			case "creditLimit" -> "credit_limit";
			default -> field;
		};
	}

}
