package org.backroom.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.lifecycle.PickerQuery;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
import org.backroom.platform.Sql;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of customers. Every list and picker query here has its index in V1, V18_1 and V55. */
@Repository
class Customers {

	static final String WALK_IN_CODE = "WALK-IN";

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Customer> find(long id) {
		return jdbc.sql("SELECT " + Customer.COLUMNS + " FROM customers c WHERE c.id = ?")
			.param(id)
			.query(Customer::from)
			.optional();
	}

	/** One page of customers in name order, after the cursor: the list every kind of master record offers. */
	List<Customer> list(String statusFilter, @Nullable String query, @Nullable Cursor after, int rows) {
		return RecordQueries.searchPage(jdbc, Customer.COLUMNS, "customers", statusFilter, query, after, rows)
			.query(Customer::from)
			.list();
	}

	/** What the customer picker matches by prefix: a name's first and second word, the code, the email (V55). */
	static final PickerQuery PICKER = new PickerQuery("customers", "status = 'ACTIVE' AND NOT is_system",
			List.of("lower(name)", "split_part(lower(name), ' ', 2)", "lower(code)", "lower(email)"));

	// The walk-in customer first when it matches (customers_system), then the others as every picker finds them
	// (lifecycle/PickerQuery): prefixes of names, codes and emails through their indexes (V55), then, if those are
	// fewer than a page, the name walk and the trigram index (V18_1).
	static RecordQueries.Query lookupQuery(@Nullable String query, int rows) {
		boolean typed = query != null && !query.isBlank();
		RecordQueries.Query others = PICKER.ids(query, rows);
		List<Object> params = new ArrayList<>();
		if (typed) {
			params.add(Sql.containing(query));
		}
		params.addAll(others.params());
		return new RecordQueries.Query("""
				SELECT c.id, c.code, c.name, c.email, c.phone
				FROM customers c
				JOIN ((SELECT id, 0 AS rank, lower(name) AS sort_key FROM customers
				       WHERE is_system AND status = 'ACTIVE'{match})
				      UNION ALL
				      (SELECT id, rank, sort_key FROM ({others}) AS other)) AS hit ON hit.id = c.id
				ORDER BY hit.rank, hit.sort_key, hit.id
				LIMIT {rows}""".replace("{match}", typed ? " AND search LIKE " + PickerQuery.VALUE : "")
			.replace("{others}", others.sql())
			.replace("{rows}", String.valueOf(rows)), params);
	}

	/** Active customers matching what was typed, for pickers: at most {@code rows}. */
	List<Lookup> lookup(@Nullable String query, int rows) {
		RecordQueries.Query lookup = lookupQuery(query, rows);
		return jdbc.sql(lookup.sql()).params(lookup.params()).query(RecordRows.of(Lookup.class)).list();
	}

	/** What a picker offers: enough to tell two customers apart. */
	record Lookup(long id, String code, String name, @Nullable String email, @Nullable String phone) {
	}

	long insert(CustomerForm form) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO customers (name, email, phone, address, tax_number, notes, credit_allowed, credit_limit)
				VALUES (:name, :email, :phone, :address, :taxNumber, :notes, :creditAllowed, :creditLimit)""")
			.params(columns(form))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, CustomerForm form) {
		var params = columns(form);
		params.put("id", id);
		jdbc.sql("""
				UPDATE customers SET name = :name, email = :email, phone = :phone, address = :address,
				       tax_number = :taxNumber, notes = :notes, credit_allowed = :creditAllowed,
				       credit_limit = :creditLimit, version = version + 1, updated_at = now()
				WHERE id = :id""").params(params).update();
	}

	/** The row as a sale or an edit needs it, locked: FOR SHARE to use it, FOR UPDATE to change it. */
	Optional<SaleCustomer> lock(long id, boolean forUpdate) {
		return jdbc.sql("SELECT id, code, name, status, credit_allowed, credit_limit, balance, version "
				+ "FROM customers WHERE id = ? " + (forUpdate ? "FOR UPDATE" : "FOR SHARE"))
			.param(id)
			.query(RecordRows.of(SaleCustomer.class))
			.optional();
	}

	/** How many customers are in each status, for the dashboard: ACTIVE, INACTIVE, DELETED. */
	Map<String, Long> countByStatus() {
		Map<String, Long> counts = new LinkedHashMap<>();
		List.of("ACTIVE", "INACTIVE", "DELETED").forEach(status -> counts.put(status, 0L));
		jdbc.sql("SELECT status, count(*) AS n FROM customers GROUP BY status")
			.query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
			.list();
		return counts;
	}

	long walkInId() {
		return jdbc.sql("SELECT id FROM customers WHERE code = ?").param(WALK_IN_CODE).query(Long.class).single();
	}

	void addToBalance(long id, BigDecimal amount) {
		jdbc.sql("UPDATE customers SET balance = balance + ?, updated_at = now() WHERE id = ?")
			.params(amount, id)
			.update();
	}

	BigDecimal balance(long id) {
		return jdbc.sql("SELECT balance FROM customers WHERE id = ?").param(id).query(BigDecimal.class).single();
	}

	private static Map<String, @Nullable Object> columns(CustomerForm form) {
		var params = new HashMap<String, @Nullable Object>();
		params.put("name", form.trimmedName());
		params.put("email", CustomerForm.blankToNull(form.email()));
		params.put("phone", CustomerForm.blankToNull(form.phone()));
		params.put("address", CustomerForm.blankToNull(form.address()));
		params.put("taxNumber", CustomerForm.blankToNull(form.taxNumber()));
		params.put("notes", CustomerForm.blankToNull(form.notes()));
		params.put("creditAllowed", form.credit());
		params.put("creditLimit", form.limit());
		return params;
	}

}
