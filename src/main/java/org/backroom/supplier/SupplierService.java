package org.backroom.supplier;

import java.util.List;
import java.util.Objects;

import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordEdits;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.RecordMerged;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeping suppliers: create, edit, find; and what a purchase order needs of its supplier. */
@Service
public class SupplierService {

	private final Suppliers suppliers;

	private final RecordKinds kinds;

	private final RecordEdits edits;

	SupplierService(Suppliers suppliers, RecordKinds kinds, RecordEdits edits) {
		this.suppliers = suppliers;
		this.kinds = kinds;
		this.edits = edits;
	}

	@PreAuthorize("@permissions.require('supplier.create')")
	@Transactional
	Supplier create(SupplierForm form) {
		return edits.created(kind(), suppliers.insert(form), this::get);
	}

	/** Edits a supplier made from the given version; a supplier in the trash must be restored first. */
	@PreAuthorize("@permissions.require('supplier.edit')")
	@Transactional
	Supplier update(long id, long expectedVersion, SupplierForm form) {
		return edits.edit(kind(), id, expectedVersion, this::get, () -> suppliers.update(id, form));
	}

	private RecordKind kind() {
		return kinds.byPath(SupplierRecords.PATH);
	}

	@PreAuthorize("@permissions.require('supplier.view')")
	@Transactional(readOnly = true)
	Supplier get(long id) {
		return suppliers.find(id).orElseThrow(() -> new RecordNotFound("supplier", id));
	}

	@PreAuthorize("@permissions.require('supplier.view')")
	@Transactional(readOnly = true)
	Page<Supplier> list(String status, @Nullable String query, @Nullable String cursor, int limit) {
		List<Supplier> rows = suppliers.list(status, query, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, supplier -> RecordQueries.after(supplier.name(), supplier.id()));
	}

	@PreAuthorize("@permissions.require('supplier.view')")
	@Transactional(readOnly = true)
	List<Suppliers.Lookup> lookup(@Nullable String query) {
		return suppliers.lookup(query);
	}

	/**
	 * The supplier of a purchase order, locked until the order's transaction commits so that a deactivation cannot
	 * commit in between. Whether its status allows the order is the caller's to decide, since an order names every
	 * inactive record at once.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PurchaseSupplier supplierForPurchase(long id) {
		PurchaseSupplier supplier = suppliers.lockForPurchase(id)
			.orElseThrow(() -> ValidationFailed.of("supplierId", "there is no supplier with id " + id));
		if (supplier.status() == LifecycleStatus.MERGED) {
			// Merged is not merely inactive: the answer names the supplier to order from instead.
			Supplier merged = suppliers.find(id).orElseThrow();
			Supplier survivor = suppliers.find(Objects.requireNonNull(merged.mergedInto())).orElseThrow();
			throw new RecordMerged("supplier", id, supplier.label(), survivor.id(),
					survivor.name() + " (" + survivor.code() + ")");
		}
		return supplier;
	}

}
