package org.backroom.merge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.backroom.lifecycle.MergedRows;
import org.backroom.lifecycle.RecordKind;
import org.backroom.merge.MergePreview.Moves;
import org.backroom.supplier.Supplier;
import org.backroom.supplier.SupplierMerging;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Suppliers as a merge sees them: duplicates by tax number or a similar name; nothing but fields moves (purchase
 * orders keep their supplier and show on the survivor through the link); any later change blocks unmerge.
 */
// Named apart from the lifecycle's RecordKind bean of the same kind (supplierKind).
@Component("supplierMergeKind")
class SupplierKind implements MergeKind {

	private static final String FIND = """
			SELECT a.id AS a_id, a.code AS a_code, a.name AS a_name, a.email AS a_email, a.phone AS a_phone,
			       a.tax_number AS a_tax, NULL::text AS a_barcode, b.id AS b_id, b.code AS b_code, b.name AS b_name,
			       b.email AS b_email, b.phone AS b_phone, b.tax_number AS b_tax, NULL::text AS b_barcode, m.kinds,
			       similarity(lower(a.name), lower(b.name)) AS sim
			FROM suppliers a
			CROSS JOIN LATERAL (
			    SELECT hit.id, array_agg(DISTINCT hit.kind ORDER BY hit.kind) AS kinds FROM (
			        SELECT s.id, 'taxNumber' AS kind FROM suppliers s
			        WHERE s.status = 'ACTIVE' AND s.tax_number IS NOT NULL
			          AND upper(regexp_replace(s.tax_number, '\\s', '', 'g')) = upper(regexp_replace(a.tax_number, '\\s', '', 'g'))
			          AND regexp_replace(a.tax_number, '\\s', '', 'g') <> ''
			        UNION ALL
			        SELECT s.id, 'name' FROM suppliers s
			        WHERE s.status = 'ACTIVE' AND lower(s.name) % lower(a.name)
			    ) hit
			    WHERE hit.id > a.id AND (a.id, hit.id) > (:afterFirst, :afterSecond)
			    GROUP BY hit.id
			) m
			JOIN suppliers b ON b.id = m.id AND NOT b.is_system
			WHERE a.status = 'ACTIVE' AND NOT a.is_system AND a.id >= :afterFirst
			  AND NOT EXISTS (SELECT 1 FROM supplier_duplicate_dismissals d WHERE d.low_id = a.id AND d.high_id = b.id)
			ORDER BY a.id, b.id
			LIMIT :rows""";

	private final SupplierMerging suppliers;

	private final MergedRows rows;

	private final Merges merges;

	SupplierKind(SupplierMerging suppliers, MergedRows rows, Merges merges) {
		this.suppliers = suppliers;
		this.rows = rows;
		this.merges = merges;
	}

	@Override
	public String name() {
		return "supplier";
	}

	@Override
	public String path() {
		return "suppliers";
	}

	@Override
	public RecordKind kind() {
		return suppliers.kind();
	}

	@Override
	public List<String> fields() {
		return SupplierMerging.FIELDS;
	}

	@Override
	public Optional<MergeRecord> find(long id) {
		return suppliers.find(id).map(SupplierKind::record);
	}

	private static MergeRecord record(Supplier s) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("name", s.name());
		values.put("contactName", s.contactName());
		values.put("email", s.email());
		values.put("phone", s.phone());
		values.put("address", s.address());
		values.put("taxNumber", s.taxNumber());
		values.put("paymentTerms", s.paymentTerms());
		values.put("notes", s.notes());
		return new MergeRecord(s.id(), s.code(), s.name(), s.status(), false, s.mergedInto(), values, Map.of(),
				BigDecimal.ZERO, s);
	}

	@Override
	public void lock(Set<Long> ids) {
		rows.lock(kind(), ids);
	}

	@Override
	public String snapshot(long id) {
		return rows.snapshot(kind(), id);
	}

	@Override
	public long mergedIntoIt(long id) {
		return rows.mergedIntoIt(kind(), id);
	}

	@Override
	public long orders(long id) {
		return merges.supplierOrders(id);
	}

	@Override
	public BigDecimal absorb(long survivorId, long duplicateId, Set<String> fromDuplicate) {
		suppliers.absorb(survivorId, duplicateId, fromDuplicate);
		return BigDecimal.ZERO;
	}

	@Override
	public Optional<Audited> moved(long duplicateId, long survivorId, BigDecimal amount) {
		return Optional.empty();
	}

	@Override
	public Moves moves(long orders, BigDecimal moved, BigDecimal after) {
		return new Moves(orders, Map.of());
	}

	@Override
	public List<String> warnings(MergeRecord survivor, BigDecimal after) {
		return List.of();
	}

	@Override
	public List<String> undoBlocked(Merges.Merge merge) {
		return rows.unchangedSince(kind(), merge.survivorId(), Objects.requireNonNull(merge.survivorAfter()))
				? List.of() : List.of("the survivor (supplier " + merge.survivorId() + ") was changed since the merge");
	}

	@Override
	public Map<String, Object> returned(Merges.Merge merge) {
		return Map.of();
	}

	@Override
	public Optional<Audited> movedBack(Merges.Merge merge) {
		return Optional.empty();
	}

	@Override
	public void release(Merges.Merge merge) {
		rows.restore(kind(), merge.survivorId(), Objects.requireNonNull(merge.survivorBefore()));
		rows.restore(kind(), merge.duplicateId(), Objects.requireNonNull(merge.duplicateBefore()));
	}

	@Override
	public String duplicatesSql() {
		return FIND;
	}

}
