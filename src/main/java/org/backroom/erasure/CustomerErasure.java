package org.backroom.erasure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.backroom.audit.PersonalData;
import org.backroom.web.Refusal;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasing a customer: name, e-mail, phone, address, tax number and notes go, and so does the name each of their
 * sales orders copied. Code, credit settings, balance (zero, or erasure is refused) and every order stay.
 */
@Component
class CustomerErasure implements Erasable {

	private static final List<String> FIELDS = List.of("name", "email", "phone", "address", "taxNumber", "notes");

	private final JdbcClient jdbc;

	private final Snapshots snapshots;

	private final PersonTable table;

	CustomerErasure(JdbcClient jdbc, Snapshots snapshots) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.table = new PersonTable(jdbc, "customer", "customers", "customers", "code", "name || ' (' || code || ')'");
	}

	@Override
	public PersonTable table() {
		return table;
	}

	@Override
	public Optional<Refusal> unsettled(Person person) {
		BigDecimal balance = jdbc.sql("SELECT balance FROM customers WHERE id = ?").param(person.id())
			.query(BigDecimal.class).single();
		if (balance.signum() != 0) {
			return Optional.of(new ErasureRefusals.Unsettled("open-balance", "Open credit balance",
					person.label() + " has a credit balance of " + balance.toPlainString()
							+ "; settle it before erasing: the store must still be able to collect it.", 1));
		}
		return snapshots.pendingApprovals(kind(), person.id(), false, person.label());
	}

	@Override
	public List<String> fields() {
		return FIELDS;
	}

	@Override
	public Map<String, Long> copies(Person person) {
		return Map.of("salesOrders", jdbc.sql("SELECT count(*) FROM sales_orders WHERE customer_id = ?")
			.param(person.id()).query(Long.class).single());
	}

	@Override
	public PersonalData personalData(Person person) {
		List<String> values = new ArrayList<>(jdbc.sql(
				"SELECT name, email, phone, address, tax_number, notes FROM customers WHERE id = ?")
			.param(person.id())
			.query((rs, row) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.single());
		values.addAll(jdbc.sql("SELECT DISTINCT customer_name FROM sales_orders WHERE customer_id = ?")
			.param(person.id()).query(String.class).list());
		values.removeIf(value -> value == null);
		List<Long> orders = jdbc.sql("SELECT id FROM sales_orders WHERE customer_id = ?").param(person.id())
			.query(Long.class).list();
		return new PersonalData(kind(), person.id(), Set.of("name", "email", "phone", "address", "taxNumber",
				"notes", "customerName"), values, List.of(new PersonalData.Related("sales-order", orders)), null,
				placeholder(person));
	}

	@Override
	public void blank(Person person, String reason) {
		jdbc.sql("""
				UPDATE customers SET name = ?, email = NULL, phone = NULL, address = NULL, tax_number = NULL,
				                     notes = NULL, status = 'ERASED', status_reason = ?, status_changed_at = now(),
				                     updated_at = now(), version = version + 1
				WHERE id = ?""").params(placeholder(person), reason, person.id()).update();
		jdbc.sql("UPDATE sales_orders SET customer_name = ? WHERE customer_id = ?")
			.params(placeholder(person), person.id()).update();
	}

	@Override
	public Map<String, List<Map<String, Object>>> export(Person person) {
		return Erasable.tables(
				"record", jdbc.sql("""
						SELECT id, code, name, email, phone, address, tax_number AS "taxNumber", notes,
						       credit_allowed AS "creditAllowed", credit_limit AS "creditLimit", balance, status,
						       created_at AS "createdAt", updated_at AS "updatedAt" FROM customers WHERE id = ?""")
					.param(person.id()).query(new ColumnMapRowMapper()).list(),
				"orders", jdbc.sql("""
						SELECT id, number, customer_name AS "customerName", payment, status, total,
						       created_at AS "createdAt" FROM sales_orders WHERE customer_id = ? ORDER BY id""")
					.param(person.id()).query(new ColumnMapRowMapper()).list(),
				"orderLines", jdbc.sql("""
						SELECT o.number AS "orderNumber", l.line_no AS "line", l.sku, l.name, l.quantity,
						       l.unit_price AS "unitPrice", l.discount, l.line_total AS "lineTotal"
						FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
						WHERE o.customer_id = ? ORDER BY o.id, l.line_no""")
					.param(person.id()).query(new ColumnMapRowMapper()).list());
	}

	private static String placeholder(Person person) {
		return "Erased customer " + person.code();
	}

}
