package org.backroom.merge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.backroom.customer.Customer;
import org.backroom.customer.CustomerMerging;
import org.backroom.lifecycle.RecordKind;
import org.backroom.merge.MergePreview.Moves;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Customers as a merge sees them: the open balance moves by a recorded transfer; any later change blocks unmerge. */
// Named apart from the lifecycle's RecordKind bean of the same kind (customerKind).
@Component("customerMergeKind")
class CustomerKind implements MergeKind {

	private static final String FIND = """
			SELECT a.id AS a_id, a.code AS a_code, a.name AS a_name, a.email AS a_email, a.phone AS a_phone,
			       a.tax_number AS a_tax, NULL::text AS a_barcode, b.id AS b_id, b.code AS b_code, b.name AS b_name,
			       b.email AS b_email, b.phone AS b_phone, b.tax_number AS b_tax, NULL::text AS b_barcode, m.kinds,
			       similarity(lower(a.name), lower(b.name)) AS sim
			FROM customers a
			CROSS JOIN LATERAL (
			    SELECT hit.id, array_agg(DISTINCT hit.kind ORDER BY hit.kind) AS kinds FROM (
			        SELECT c.id, 'email' AS kind FROM customers c
			        WHERE c.status = 'ACTIVE' AND c.email IS NOT NULL AND lower(c.email) = lower(a.email)
			        UNION ALL
			        SELECT c.id, 'phone' FROM customers c
			        WHERE c.status = 'ACTIVE' AND c.phone IS NOT NULL
			          AND regexp_replace(c.phone, '\\D', '', 'g') = regexp_replace(a.phone, '\\D', '', 'g')
			          AND regexp_replace(a.phone, '\\D', '', 'g') <> ''
			        UNION ALL
			        SELECT c.id, 'taxNumber' FROM customers c
			        WHERE c.status = 'ACTIVE' AND c.tax_number IS NOT NULL
			          AND upper(regexp_replace(c.tax_number, '\\s', '', 'g')) = upper(regexp_replace(a.tax_number, '\\s', '', 'g'))
			          AND regexp_replace(a.tax_number, '\\s', '', 'g') <> ''
			        UNION ALL
			        SELECT c.id, 'name' FROM customers c
			        WHERE c.status = 'ACTIVE' AND lower(c.name) % lower(a.name)
			    ) hit
			    WHERE hit.id > a.id AND (a.id, hit.id) > (:afterFirst, :afterSecond)
			    GROUP BY hit.id
			) m
			JOIN customers b ON b.id = m.id AND NOT b.is_system
			WHERE a.status = 'ACTIVE' AND NOT a.is_system AND a.id >= :afterFirst
			  AND NOT EXISTS (SELECT 1 FROM customer_duplicate_dismissals d WHERE d.low_id = a.id AND d.high_id = b.id)
			ORDER BY a.id, b.id
			LIMIT :rows""";

	private final CustomerMerging customers;

	private final Merges merges;

	CustomerKind(CustomerMerging customers, Merges merges) {
		this.customers = customers;
		this.merges = merges;
	}

	@Override
	public String name() {
		return "customer";
	}

	@Override
	public String path() {
		return "customers";
	}

	@Override
	public RecordKind kind() {
		return customers.kind();
	}

	@Override
	public List<String> fields() {
		return CustomerMerging.FIELDS;
	}

	@Override
	public Optional<MergeRecord> find(long id) {
		return customers.find(id).map(CustomerKind::record);
	}

	private static MergeRecord record(Customer c) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("name", c.name());
		values.put("email", c.email());
		values.put("phone", c.phone());
		values.put("address", c.address());
		values.put("taxNumber", c.taxNumber());
		values.put("notes", c.notes());
		values.put("creditAllowed", c.creditAllowed());
		values.put("creditLimit", MergePreview.money(c.creditLimit()));
		return new MergeRecord(c.id(), c.code(), c.name(), c.status(), c.system(), c.mergedInto(), values,
				Map.of("balance", MergePreview.money(c.balance())), c.balance(), c);
	}

	@Override
	public void lock(Set<Long> ids) {
		customers.lock(ids);
	}

	@Override
	public String snapshot(long id) {
		return customers.snapshot(id);
	}

	@Override
	public long mergedIntoIt(long id) {
		return customers.mergedIntoIt(id);
	}

	@Override
	public long orders(long id) {
		return merges.orders(id);
	}

	@Override
	public BigDecimal absorb(long survivorId, long duplicateId, Set<String> fromDuplicate) {
		return customers.absorb(survivorId, duplicateId, fromDuplicate);
	}

	@Override
	public Optional<Audited> moved(long duplicateId, long survivorId, BigDecimal amount) {
		// The recorded transfer of the open balance: no order is edited to move it.
		return amount.signum() == 0 ? Optional.empty() : Optional.of(new Audited("customer.balance-transfer",
				Map.of("from", duplicateId, "to", survivorId, "amount", MergePreview.money(amount))));
	}

	@Override
	public Moves moves(long orders, BigDecimal moved, BigDecimal after) {
		return Moves.balance(orders, moved, after);
	}

	@Override
	public List<String> warnings(MergeRecord survivor, BigDecimal after) {
		BigDecimal limit = ((Customer) survivor.view()).creditLimit();
		if (after.signum() > 0 && after.compareTo(limit) > 0) {
			return List.of("The combined balance of " + MergePreview.money(after) + " is over the survivor's credit limit of "
					+ MergePreview.money(limit) + ": it moves all the same, new credit sales are refused.");
		}
		return List.of();
	}

	@Override
	public List<String> undoBlocked(Merges.Merge merge) {
		List<String> found = new ArrayList<>();
		long survivorId = merge.survivorId();
		if (!customers.unchangedSince(survivorId, Objects.requireNonNull(merge.survivorAfter()))) {
			long[] sales = merges.salesSince(survivorId, merge.mergedInstant());
			found.add(sales[1] > 0
					? sales[1] + " credit sale(s) on the survivor (customer " + survivorId
							+ ") since the merge used the combined balance"
					: "the survivor (customer " + survivorId + ") was changed since the merge");
		}
		return found;
	}

	@Override
	public Map<String, Object> returned(Merges.Merge merge) {
		return Map.of("balanceReturned", MergePreview.money(Objects.requireNonNull(merge.balanceMoved())));
	}

	@Override
	public Optional<Audited> movedBack(Merges.Merge merge) {
		// The snapshots put both balances back; the unmerge's own entry says how much returned.
		return Optional.empty();
	}

	@Override
	public void release(Merges.Merge merge) {
		customers.restore(merge.duplicateId(), Objects.requireNonNull(merge.duplicateBefore()));
		customers.restore(merge.survivorId(), Objects.requireNonNull(merge.survivorBefore()));
	}

	@Override
	public String duplicatesSql() {
		return FIND;
	}

}
