package org.backroom.item;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
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

	/** The columns of an item, named as {@link RecordQueries#searchPage} names the table. */
	static final String LISTED = Arrays.stream(Item.COLUMNS.split(","))
		.map(column -> "c." + column.strip())
		.collect(Collectors.joining(", "));

	List<Item> list(String statusFilter, @Nullable String query, @Nullable Cursor after, int rows) {
		return RecordQueries.searchPage(jdbc, LISTED, "items", statusFilter, query, after, rows)
			.query(Item::from)
			.list();
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
	 * Items of a sale, locked until the sale commits, each lock mode's items in id order so that two sales do not
	 * deadlock.
	 * FOR SHARE keeps a deactivation out; items whose stock the sale will change are locked FOR NO KEY UPDATE at
	 * once, because upgrading a shared lock later would deadlock against a concurrent sale of the same item.
	 */
	List<SaleItem> lockForSale(List<Long> ids) {
		List<Long> wanted = ids.stream().distinct().toList();
		if (wanted.isEmpty()) {
			return List.of();
		}
		// One statement, two lock modes: the untracked items first, then the tracked ones, each set in id order. A
		// list of parameters rather than = ANY(array): for an array of unknown length PostgreSQL plans for ten items,
		// finds that dearer than planning each sale afresh, and did so every time (0.2 ms of a sale's 1.7 ms in the
		// database); for a list, whose length it knows, it keeps one plan per connection and length.
		String list = String.join(", ", Collections.nCopies(wanted.size(), "?"));
		List<Object> params = new ArrayList<>(wanted);
		params.addAll(wanted);
		List<SaleItem> locked = new ArrayList<>(jdbc.sql("WITH shared AS (" + SALE_ITEM
				+ " WHERE id IN (" + list + ") AND NOT track_stock ORDER BY id FOR SHARE), exclusive AS (" + SALE_ITEM
				+ " WHERE id IN (" + list + ") AND track_stock ORDER BY id FOR NO KEY UPDATE)"
				+ " SELECT * FROM shared UNION ALL SELECT * FROM exclusive")
			.params(params).query(RecordRows.of(SaleItem.class)).list());
		if (locked.size() < wanted.size()) {
			// An edit switched stock tracking after this statement's snapshot (it waited for the edit's lock): lock
			// what is left the strong way. That lock comes after the others, out of id order; the deadlock it could
			// meet, with a sale of the same items at that moment, is rolled back and run again (IdempotencyFilter).
			Long[] missing = ids.stream().filter(id -> locked.stream().noneMatch(item -> item.id() == id)).toArray(Long[]::new);
			locked.addAll(jdbc.sql(SALE_ITEM + " WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE")
				.param(missing).query(RecordRows.of(SaleItem.class)).list());
		}
		return locked;
	}

	/** Items of a purchase order, in id order, FOR SHARE: no deactivation commits before the order does. */
	List<PurchaseItem> lockForPurchase(Collection<Long> ids) {
		return jdbc.sql(PURCHASE_ITEM + " WHERE id = ANY(?) ORDER BY id FOR SHARE")
			.param(ids.toArray(Long[]::new))
			.query(RecordRows.of(PurchaseItem.class))
			.list();
	}

	/**
	 * Adds received quantities to the stock of the tracked items among them. Their rows are locked FOR NO KEY
	 * UPDATE in id order first, as a sale locks its tracked items, so that a receipt and a sale never deadlock;
	 * untracked items are not locked, since nothing about them changes.
	 */
	void receiveStock(Map<Long, Integer> quantities) {
		List<Long> tracked = jdbc.sql("SELECT id FROM items WHERE id = ANY(?) AND track_stock ORDER BY id FOR NO KEY UPDATE")
			.param(quantities.keySet().toArray(Long[]::new))
			.query(Long.class)
			.list();
		for (long id : tracked) {
			jdbc.sql("UPDATE items SET stock_on_hand = stock_on_hand + ?, updated_at = now() WHERE id = ?")
				.params(quantities.get(id), id)
				.update();
		}
	}

	/** Items as they are now, without a lock. */
	List<PurchaseItem> purchaseItems(Collection<Long> ids) {
		return jdbc.sql(PURCHASE_ITEM + " WHERE id = ANY(?) ORDER BY id")
			.param(ids.toArray(Long[]::new))
			.query(RecordRows.of(PurchaseItem.class))
			.list();
	}

	private static final String PURCHASE_ITEM = "SELECT id, sku, name, cost, status, track_stock FROM items";

	private static final String SALE_ITEM = "SELECT id, sku, name, price, status, track_stock, stock_on_hand FROM items";

	/**
	 * Takes each item's quantity off its stock, all in one statement (a sale's tracked items, whose rows it holds
	 * locked): one round trip however many lines the sale has. A list of rows rather than arrays, for the reason
	 * {@link #lockForSale} gives: one plan per connection and number of items.
	 */
	void takeStock(Map<Long, Integer> quantities) {
		if (quantities.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		quantities.forEach((id, quantity) -> {
			params.add(id);
			params.add(quantity);
		});
		String rows = "(CAST(? AS bigint), CAST(? AS integer))"
				+ ", (?, ?)".repeat(quantities.size() - 1);
		jdbc.sql("UPDATE items SET stock_on_hand = stock_on_hand - taken.quantity, updated_at = now()"
				+ " FROM (VALUES " + rows + ") AS taken (id, quantity) WHERE items.id = taken.id")
			.params(params)
			.update();
	}

	/** A merged item gives its barcode to its survivor: one barcode names one item. */
	void clearBarcode(long id) {
		jdbc.sql("UPDATE items SET barcode = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * A recorded stock adjustment (a merge combining two items' stock, or its undo): adds {@code quantity}, which may
	 * be negative, to the stock on hand. The caller holds the row's lock and records the adjustment.
	 */
	void adjustStock(long id, int quantity) {
		jdbc.sql("UPDATE items SET stock_on_hand = stock_on_hand + ?, updated_at = now() WHERE id = ?")
			.params(quantity, id)
			.update();
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
