package org.backroom.supplier;

import java.util.List;
import java.util.Optional;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of suppliers. Every list and picker query here has its index in V4__create_suppliers.sql. */
@Repository
class Suppliers {

	private final JdbcClient jdbc;

	Suppliers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Supplier> find(long id) {
		return jdbc.sql(Supplier.SELECT + " WHERE id = ?").param(id).query(RecordRows.of(Supplier.class)).optional();
	}

	List<Supplier> list(String statusFilter, @Nullable String query, @Nullable Cursor after, int rows) {
		return RecordQueries.page(jdbc, Supplier.SELECT, statusFilter, query, after, rows).query(RecordRows.of(Supplier.class)).list();
	}

	List<Lookup> lookup(@Nullable String query) {
		return RecordQueries.lookup(jdbc, "SELECT id, code, name, contact_name, phone FROM suppliers", query)
			.query(RecordRows.of(Lookup.class))
			.list();
	}

	/** What a picker offers: enough to tell two suppliers apart. */
	record Lookup(long id, String code, String name, @Nullable String contactName, @Nullable String phone) {
	}

	long insert(SupplierForm form) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO suppliers (name, contact_name, email, phone, address, tax_number, payment_terms, notes)
				VALUES (:name, :contactName, :email, :phone, :address, :taxNumber, :paymentTerms, :notes)""")
			.params(form.columns())
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, SupplierForm form) {
		var params = form.columns();
		params.put("id", id);
		jdbc.sql("""
				UPDATE suppliers SET name = :name, contact_name = :contactName, email = :email, phone = :phone,
				       address = :address, tax_number = :taxNumber, payment_terms = :paymentTerms, notes = :notes,
				       version = version + 1, updated_at = now()
				WHERE id = :id""").params(params).update();
	}

	/** FOR SHARE: no deactivation of this supplier can commit before the purchase order that locked it. */
	Optional<PurchaseSupplier> lockForPurchase(long id) {
		return jdbc.sql("SELECT id, code, name, status FROM suppliers WHERE id = ? FOR SHARE")
			.param(id)
			.query(RecordRows.of(PurchaseSupplier.class))
			.optional();
	}

}
