package org.backroom.supplier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backroom.lifecycle.MergedRows;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merge of suppliers needs of this feature, which owns their table: the survivor takes the chosen fields of
 * a duplicate; purchase orders keep their supplier and its snapshot, and are found through the merge link. Runs in
 * the caller's transaction; the caller has checked the permission and locked the rows.
 */
@Service
public class SupplierMerging {

	/** The fields a survivor may take from a duplicate, by their API names. */
	public static final List<String> FIELDS = List.of("name", "contactName", "email", "phone", "address", "taxNumber",
			"paymentTerms", "notes");

	private final Suppliers suppliers;

	private final MergedRows rows;

	private final RecordKinds kinds;

	SupplierMerging(Suppliers suppliers, MergedRows rows, RecordKinds kinds) {
		this.suppliers = suppliers;
		this.rows = rows;
		this.kinds = kinds;
	}

	public RecordKind kind() {
		return kinds.byPath(SupplierRecords.PATH);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Supplier> find(long id) {
		return suppliers.find(id);
	}

	/** The survivor takes the chosen fields of the duplicate. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void absorb(long survivorId, long duplicateId, Set<String> fromDuplicate) {
		Map<String, String> columns = new LinkedHashMap<>();
		fromDuplicate.forEach(field -> columns.put(field, column(field)));
		rows.take(kind(), survivorId, rows.snapshot(kind(), duplicateId), columns);
	}

	/** This supplier and those merged into it: "all its purchase orders" through the merge link. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> withMerged(long id) {
		return rows.withMerged(kind(), id);
	}

	private static String column(String field) {
		return switch (field) {
			case "contactName" -> "contact_name";
			case "taxNumber" -> "tax_number";
			case "paymentTerms" -> "payment_terms";
			default -> field;
		};
	}

}
