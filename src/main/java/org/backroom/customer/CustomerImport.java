package org.backroom.customer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import jakarta.validation.Validator;
import org.backroom.imports.Cells;
import org.backroom.imports.ImportableKind;
import org.backroom.imports.ImportedEdits;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customers in CSV: {@link #COLUMNS} is the one definition of a customer's CSV columns, the fields of
 * {@link CustomerForm} after the code that names the customer. A new customer's row leaves the code empty (the store
 * numbers customers); a row with a code updates that customer.
 */
@Component
class CustomerImport implements ImportableKind {

	/** The CSV columns of a customer, in order. */
	static final List<String> COLUMNS = List.of("code", "name", "email", "phone", "address", "taxNumber", "notes",
			"creditAllowed", "creditLimit");

	private static final String STORED = """
			id, version, status, code, name, email, phone, address, tax_number, notes, credit_allowed, credit_limit""";

	private static final String RECORDSET = "jsonb_to_recordset(CAST(:rows AS jsonb)) AS v(id bigint,"
			+ " name text, email text, phone text, address text, \"taxNumber\" text, notes text,"
			+ " \"creditAllowed\" boolean, \"creditLimit\" numeric, ord bigint)";

	private final JdbcClient jdbc;

	private final Validator validator;

	CustomerImport(JdbcClient jdbc, Validator validator) {
		this.jdbc = jdbc;
		this.validator = validator;
	}

	@Override
	public String kind() {
		return "customer";
	}

	@Override
	public String path() {
		return CustomerRecords.PATH;
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public String keyColumn() {
		return "code";
	}

	@Override
	public boolean createsWithKey() {
		return false;
	}

	@Override
	public Map<String, String> check(Map<String, @Nullable String> cells) {
		Map<String, String> errors = new LinkedHashMap<>();
		CustomerForm form = form(cells, errors);
		Cells.violations(validator.validate(form), errors);
		return errors;
	}

	private static CustomerForm form(Map<String, @Nullable String> cells, Map<String, String> errors) {
		boolean credit = Cells.bool(cells, "creditAllowed", errors);
		BigDecimal limit = Cells.amount(cells, "creditLimit", errors);
		return new CustomerForm(Cells.text(cells, "name"), Cells.text(cells, "email"), Cells.text(cells, "phone"),
				Cells.text(cells, "address"), Cells.text(cells, "taxNumber"), Cells.text(cells, "notes"), credit, limit);
	}

	@Override
	public void export(Consumer<Map<String, @Nullable String>> row) {
		jdbc.sql("SELECT " + STORED + " FROM customers WHERE status IN ('ACTIVE', 'INACTIVE') AND NOT is_system"
				+ " ORDER BY code").query((RowCallbackHandler) rs -> row.accept(cells(rs)));
	}

	@Override
	public Map<String, Match> match(Collection<String> keys) {
		Map<String, Match> found = new HashMap<>();
		jdbc.sql("SELECT code, id, version, status FROM customers WHERE code = ANY (?)")
			.param(keys.toArray(String[]::new))
			.query(rs -> {
				found.put(rs.getString("code"), new Match(rs.getLong("id"), rs.getLong("version"), rs.getString("status")));
			});
		return found;
	}

	@Override
	public List<@Nullable Written> create(List<Map<String, @Nullable String>> rows) {
		List<Map<String, @Nullable Object>> values = IntStream.range(0, rows.size())
			.mapToObj(i -> Cells.ordered(i, values(0, rows.get(i))))
			.toList();
		List<@Nullable Written> written = new ArrayList<>(jdbc.sql("INSERT INTO customers (name, email, phone, address,"
				+ " tax_number, notes, credit_allowed, credit_limit) SELECT name, email, phone, address, \"taxNumber\","
				+ " notes, \"creditAllowed\", \"creditLimit\" FROM " + RECORDSET + " ORDER BY ord RETURNING " + STORED)
			.param("rows", Cells.json(values))
			.query((rs, row) -> new Written(rs.getLong("id"), rs.getLong("version"), cells(rs)))
			.list());
		if (written.size() != rows.size()) {
			throw new IllegalStateException("Inserted " + written.size() + " customers of " + rows.size());
		}
		return written;
	}

	@Override
	public List<Edited> update(List<Change> changes) {
		Map<Long, Stored> current = new HashMap<>();
		jdbc.sql("SELECT " + STORED + " FROM customers WHERE id = ANY (?) ORDER BY id FOR UPDATE")
			.param(changes.stream().map(Change::id).toArray(Long[]::new))
			.query(rs -> {
				current.put(rs.getLong("id"), new Stored(rs.getLong("version"), rs.getString("status"), cells(rs)));
			});
		List<Edited> edits = new ArrayList<>(changes.size());
		List<Map<String, @Nullable Object>> values = new ArrayList<>();
		for (Change change : changes) {
			Edited edit = ImportedEdits.decide(change, current.get(change.id()), normalised(change.cells()));
			edits.add(edit);
			if (edit.outcome() == EditOutcome.UPDATED) {
				values.add(values(change.id(), change.cells()));
			}
		}
		if (values.isEmpty()) {
			return edits;
		}
		Map<Long, Long> versions = new HashMap<>();
		jdbc.sql("UPDATE customers c SET name = v.name, email = v.email, phone = v.phone, address = v.address,"
				+ " tax_number = v.\"taxNumber\", notes = v.notes, credit_allowed = v.\"creditAllowed\","
				+ " credit_limit = v.\"creditLimit\", version = c.version + 1, updated_at = now() FROM " + RECORDSET
				+ " WHERE c.id = v.id RETURNING c.id, c.version")
			.param("rows", Cells.json(values))
			.query(rs -> {
				versions.put(rs.getLong(1), rs.getLong(2));
			});
		return ImportedEdits.withVersions(edits, versions);
	}

	/** A row as the database keeps it. */
	private record Stored(long version, String status, Map<String, @Nullable String> cells) implements ImportedEdits.Current {
	}

	private static Map<String, @Nullable Object> values(long id, Map<String, @Nullable String> cells) {
		Map<String, @Nullable String> normal = normalised(cells);
		Map<String, @Nullable Object> values = new HashMap<>(normal);
		values.remove("code");
		values.put("id", id);
		values.put("name", normal.get("name"));
		values.put("creditAllowed", Boolean.parseBoolean(normal.get("creditAllowed")));
		return values;
	}

	/** The cells as the customer's row would hold them: stripped, empty as null, false and 0.00 for no credit. */
	private static Map<String, @Nullable String> normalised(Map<String, @Nullable String> cells) {
		Map<String, String> ignored = new HashMap<>();
		CustomerForm form = form(cells, ignored);
		Map<String, @Nullable String> normal = new LinkedHashMap<>();
		normal.put("code", Cells.text(cells, "code"));
		normal.put("name", form.trimmedName());
		normal.put("email", form.email());
		normal.put("phone", form.phone());
		normal.put("address", form.address());
		normal.put("taxNumber", form.taxNumber());
		normal.put("notes", form.notes());
		normal.put("creditAllowed", String.valueOf(form.credit()));
		normal.put("creditLimit", Cells.amountText(form.limit()));
		return normal;
	}

	private static Map<String, @Nullable String> cells(ResultSet rs) throws SQLException {
		Map<String, @Nullable String> cells = new LinkedHashMap<>();
		cells.put("code", rs.getString("code"));
		cells.put("name", rs.getString("name"));
		cells.put("email", rs.getString("email"));
		cells.put("phone", rs.getString("phone"));
		cells.put("address", rs.getString("address"));
		cells.put("taxNumber", rs.getString("tax_number"));
		cells.put("notes", rs.getString("notes"));
		cells.put("creditAllowed", String.valueOf(rs.getBoolean("credit_allowed")));
		cells.put("creditLimit", Cells.amountText(rs.getBigDecimal("credit_limit")));
		return cells;
	}

}
