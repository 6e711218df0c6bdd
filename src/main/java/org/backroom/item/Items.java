package org.backroom.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.platform.Sql;
import org.backroom.web.Cursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of items. Every list and picker query here has its index in V2__create_items.sql. */
@Repository
class Items {

	private final JdbcClient jdbc;

	Items(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Item> find(long id) {
		return jdbc.sql("SELECT " + Item.COLUMNS + " FROM items WHERE id = ?").param(id).query(Item::from).optional();
	}

	List<Item> list(String statusFilter, @Nullable String query, @Nullable Cursor after, int rows) {
		StringBuilder sql = new StringBuilder("SELECT " + Item.COLUMNS + " FROM items WHERE ")
			.append(LifecycleStatus.condition(statusFilter));
		List<Object> params = new ArrayList<>();
		if (query != null && !query.isBlank()) {
			sql.append(" AND search LIKE ?");
			params.add(Sql.containing(query));
		}
		if (after != null) {
			sql.append(" AND (lower(name), id) > (?, ?)");
			params.add(after.key());
			params.add(after.id());
		}
		sql.append(" ORDER BY lower(name), id LIMIT ?");
		params.add(rows);
		return jdbc.sql(sql.toString()).params(params).query(Item::from).list();
	}

	/** Active items for pickers: an exact barcode (a scan) first, then substring matches. */
	List<Lookup> lookup(@Nullable String query, int rows) {
		if (query == null || query.isBlank()) {
			return jdbc.sql("SELECT id, sku, name, barcode, price, stock_on_hand FROM items WHERE status = 'ACTIVE'"
					+ " ORDER BY lower(name), id LIMIT ?").param(rows).query(Lookup.class).list();
		}
		return jdbc.sql("""
				SELECT id, sku, name, barcode, price, stock_on_hand FROM items
				WHERE status = 'ACTIVE' AND (barcode = :exact OR search LIKE :q)
				ORDER BY (barcode = :exact) IS TRUE DESC, lower(name), id LIMIT :rows""")
			.param("exact", query.strip())
			.param("q", Sql.containing(query))
			.param("rows", rows)
			.query(Lookup.class)
			.list();
	}

	/** What a picker offers. */
	record Lookup(long id, String sku, String name, @Nullable String barcode, BigDecimal price, int stockOnHand) {
	}

	long insert(ItemForm form) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO items (sku, name, description, barcode, category, price, cost, track_stock)
				VALUES (:sku, :name, :description, :barcode, :category, :price, :cost, :trackStock)""")
			.params(columns(form))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void update(long id, ItemForm form) {
		Map<String, @Nullable Object> params = columns(form);
		params.put("id", id);
		jdbc.sql("""
				UPDATE items SET sku = :sku, name = :name, description = :description, barcode = :barcode,
				       category = :category, price = :price, cost = :cost, track_stock = :trackStock,
				       version = version + 1, updated_at = now()
				WHERE id = :id""").params(params).update();
	}

	/** The name of another item that already uses this SKU, if one does. */
	Optional<String> skuTaken(String sku, long exceptId) {
		return jdbc.sql("SELECT name FROM items WHERE sku = ? AND id <> ?").params(sku, exceptId)
			.query(String.class).optional();
	}

	/** The name of another item that already uses this barcode, if one does. */
	Optional<String> barcodeTaken(String barcode, long exceptId) {
		return jdbc.sql("SELECT name FROM items WHERE barcode = ? AND id <> ?").params(barcode, exceptId)
			.query(String.class).optional();
	}

	/**
	 * Items of a sale, locked until the sale commits, each query in id order so that two sales never deadlock.
	 * FOR SHARE keeps a deactivation out; items whose stock the sale will change are locked FOR NO KEY UPDATE at
	 * once, because upgrading a shared lock later would deadlock against a concurrent sale of the same item.
	 */
	List<SaleItem> lockForSale(List<Long> ids) {
		Long[] wanted = ids.toArray(Long[]::new);
		List<SaleItem> locked = new ArrayList<>(jdbc.sql(SALE_ITEM + " WHERE id = ANY(?) AND NOT track_stock ORDER BY id FOR SHARE")
			.param(wanted).query(SaleItem.class).list());
		locked.addAll(jdbc.sql(SALE_ITEM + " WHERE id = ANY(?) AND track_stock ORDER BY id FOR NO KEY UPDATE")
			.param(wanted).query(SaleItem.class).list());
		if (locked.size() < ids.stream().distinct().count()) {
			// An edit switched stock tracking between the two queries: lock what is left the strong way.
			Long[] missing = ids.stream().filter(id -> locked.stream().noneMatch(item -> item.id() == id)).toArray(Long[]::new);
			locked.addAll(jdbc.sql(SALE_ITEM + " WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE")
				.param(missing).query(SaleItem.class).list());
		}
		return locked;
	}

	private static final String SALE_ITEM = "SELECT id, sku, name, price, status, track_stock, stock_on_hand FROM items";

	void takeStock(long id, int quantity) {
		jdbc.sql("UPDATE items SET stock_on_hand = stock_on_hand - ?, updated_at = now() WHERE id = ?")
			.params(quantity, id)
			.update();
	}

	/** The row an edit checks, locked for update. */
	Optional<Current> lockForEdit(long id) {
		return jdbc.sql("SELECT id, sku, name, status, version FROM items WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Current.class)
			.optional();
	}

	record Current(long id, String sku, String name, LifecycleStatus status, long version) {
	}

	private static Map<String, @Nullable Object> columns(ItemForm form) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("sku", String.valueOf(form.sku()).strip());
		params.put("name", String.valueOf(form.name()).strip());
		params.put("description", ItemForm.blankToNull(form.description()));
		params.put("barcode", ItemForm.blankToNull(form.barcode()));
		params.put("category", ItemForm.blankToNull(form.category()));
		params.put("price", form.price());
		params.put("cost", form.cost());
		params.put("trackStock", Boolean.TRUE.equals(form.trackStock()));
		return params;
	}

}
