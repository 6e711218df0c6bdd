package org.backroom.item;

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
 * Items in CSV: {@link #COLUMNS} is the one definition of an item's CSV columns, the fields of {@link ItemForm}. A
 * row is matched to an item by its SKU; a SKU that no item has makes a new item.
 */
@Component
class ItemImport implements ImportableKind {

	/** The CSV columns of an item, in order. */
	static final List<String> COLUMNS = List.of("sku", "name", "description", "barcode", "category", "price", "cost",
			"trackStock");

	private static final String STORED = "id, version, status, sku, name, description, barcode, category, price, cost,"
			+ " track_stock";

	private static final String RECORDSET = "jsonb_to_recordset(CAST(:rows AS jsonb)) AS v(id bigint,"
			+ " sku text, name text, description text, barcode text, category text, price numeric, cost numeric,"
			+ " \"trackStock\" boolean, ord bigint)";

	private final JdbcClient jdbc;

	private final Validator validator;

	ItemImport(JdbcClient jdbc, Validator validator) {
		this.jdbc = jdbc;
		this.validator = validator;
	}

	@Override
	public String kind() {
		return "item";
	}

	@Override
	public String path() {
		return ItemRecords.PATH;
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public String keyColumn() {
		return "sku";
	}

	@Override
	public boolean createsWithKey() {
		return true;
	}

	@Override
	public Map<String, String> check(Map<String, @Nullable String> cells) {
		Map<String, String> errors = new LinkedHashMap<>();
		Cells.violations(validator.validate(form(cells, errors)), errors);
		return errors;
	}

	private static ItemForm form(Map<String, @Nullable String> cells, Map<String, String> errors) {
		BigDecimal price = Cells.amount(cells, "price", errors);
		BigDecimal cost = Cells.amount(cells, "cost", errors);
		boolean trackStock = Cells.bool(cells, "trackStock", errors);
		return new ItemForm(Cells.text(cells, "sku"), Cells.text(cells, "name"), Cells.text(cells, "description"),
				Cells.text(cells, "barcode"), Cells.text(cells, "category"), price, cost, trackStock);
	}

	@Override
	public void export(Consumer<Map<String, @Nullable String>> row) {
		jdbc.sql("SELECT " + STORED + " FROM items WHERE status IN ('ACTIVE', 'INACTIVE') AND NOT is_system"
				+ " ORDER BY sku").query((RowCallbackHandler) rs -> row.accept(cells(rs)));
	}

	@Override
	public Map<String, Match> match(Collection<String> keys) {
		Map<String, Match> found = new HashMap<>();
		jdbc.sql("SELECT sku, id, version, status FROM items WHERE sku = ANY (?)")
			.param(keys.toArray(String[]::new))
			.query(rs -> {
				found.put(rs.getString("sku"), new Match(rs.getLong("id"), rs.getLong("version"), rs.getString("status")));
			});
		return found;
	}

	/** A SKU or barcode taken since the preview leaves its row out (ON CONFLICT DO NOTHING), not the batch. */
	@Override
	public List<@Nullable Written> create(List<Map<String, @Nullable String>> rows) {
		Map<String, Written> bySku = new HashMap<>();
		jdbc.sql("INSERT INTO items (sku, name, description, barcode, category, price, cost, track_stock)"
				+ " SELECT sku, name, description, barcode, category, price, cost, \"trackStock\" FROM " + RECORDSET
				+ " ORDER BY ord ON CONFLICT DO NOTHING RETURNING " + STORED)
			.param("rows", Cells.json(IntStream.range(0, rows.size())
				.mapToObj(i -> Cells.ordered(i, values(0, rows.get(i))))
				.toList()))
			.query(rs -> {
				bySku.put(rs.getString("sku"), new Written(rs.getLong("id"), rs.getLong("version"), cells(rs)));
			});
		List<@Nullable Written> written = new ArrayList<>(rows.size());
		rows.forEach(cells -> written.add(bySku.get(Cells.text(cells, "sku"))));
		return written;
	}

	@Override
	public List<Edited> update(List<Change> changes) {
		Map<Long, Stored> current = new HashMap<>();
		jdbc.sql("SELECT " + STORED + " FROM items WHERE id = ANY (?) ORDER BY id FOR UPDATE")
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
		jdbc.sql("UPDATE items i SET name = v.name, description = v.description, barcode = v.barcode,"
				+ " category = v.category, price = v.price, cost = v.cost, track_stock = v.\"trackStock\","
				+ " version = i.version + 1, updated_at = now() FROM " + RECORDSET + " WHERE i.id = v.id"
				+ " RETURNING i.id, i.version")
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
		values.put("id", id);
		values.put("trackStock", Boolean.parseBoolean(normal.get("trackStock")));
		return values;
	}

	/** The cells as the item's row would hold them: stripped, empty as null, amounts with two decimals. */
	private static Map<String, @Nullable String> normalised(Map<String, @Nullable String> cells) {
		ItemForm form = form(cells, new HashMap<>());
		Map<String, @Nullable String> normal = new LinkedHashMap<>();
		normal.put("sku", form.sku());
		normal.put("name", form.name());
		normal.put("description", form.description());
		normal.put("barcode", form.barcode());
		normal.put("category", form.category());
		normal.put("price", Cells.amountText(form.price()));
		normal.put("cost", Cells.amountText(form.cost()));
		normal.put("trackStock", String.valueOf(Boolean.TRUE.equals(form.trackStock())));
		return normal;
	}

	private static Map<String, @Nullable String> cells(ResultSet rs) throws SQLException {
		Map<String, @Nullable String> cells = new LinkedHashMap<>();
		cells.put("sku", rs.getString("sku"));
		cells.put("name", rs.getString("name"));
		cells.put("description", rs.getString("description"));
		cells.put("barcode", rs.getString("barcode"));
		cells.put("category", rs.getString("category"));
		cells.put("price", Cells.amountText(rs.getBigDecimal("price")));
		cells.put("cost", Cells.amountText(rs.getBigDecimal("cost")));
		cells.put("trackStock", String.valueOf(rs.getBoolean("track_stock")));
		return cells;
	}

}
