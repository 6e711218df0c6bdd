package org.backroom.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backroom.lifecycle.PickerQuery;
import org.backroom.lifecycle.RecordQueries;
import org.backroom.platform.RecordRows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of what pickers offer of items: a scan, a search as someone types, the items running out. */
@Repository
class ItemLookups {

	private final JdbcClient jdbc;

	ItemLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String LOOKUP = "SELECT id, sku, name, barcode, price, stock_on_hand FROM items";

	/** The active item with exactly this barcode: a scan. Served by the unique index on barcode. */
	static final String BY_BARCODE = LOOKUP + " WHERE barcode = ? AND status = 'ACTIVE'";

	/**
	 * Active items for pickers: the item whose barcode is exactly what was typed (a scan) first, then substring
	 * matches of sku, name and barcode.
	 */
	List<Lookup> lookup(@Nullable String query) {
		RecordQueries.Query search = lookupQuery(query);
		List<Lookup> matches = jdbc.sql(search.sql()).params(search.params()).query(RecordRows.of(Lookup.class)).list();
		if (query == null || query.isBlank()) {
			return matches;
		}
		Optional<Lookup> scanned = jdbc.sql(BY_BARCODE).param(query.strip()).query(RecordRows.of(Lookup.class)).optional();
		if (scanned.isEmpty()) {
			return matches;
		}
		List<Lookup> found = new ArrayList<>(List.of(scanned.get()));
		matches.stream().filter(match -> match.id() != scanned.get().id()).forEach(found::add);
		return found.subList(0, Math.min(found.size(), RecordQueries.LOOKUP_LIMIT));
	}

	/** What the item picker matches by prefix: the name, the SKU, the barcode (V55). */
	static final PickerQuery PICKER = new PickerQuery("items", "status = 'ACTIVE'",
			List.of("lower(name)", "lower(sku)", "lower(barcode)"));

	/**
	 * Prefix matches of name, SKU and barcode, then other substring matches, each in name order, as every picker
	 * finds them (lifecycle/PickerQuery, indexes of V30 and V55).
	 */
	static RecordQueries.Query lookupQuery(@Nullable String query) {
		RecordQueries.Query ids = PICKER.ids(query, RecordQueries.LOOKUP_LIMIT);
		return new RecordQueries.Query("SELECT i.id, i.sku, i.name, i.barcode, i.price, i.stock_on_hand FROM items i"
				+ " JOIN (" + ids.sql() + ") AS hit ON hit.id = i.id ORDER BY hit.rank, hit.sort_key, hit.id",
				ids.params());
	}

	/** Active tracked items running out, fewest on hand first; served by {@code items_low_stock} (V12). */
	List<Lookup> lowStock(int threshold, int rows) {
		return jdbc.sql(LOOKUP + " WHERE status = 'ACTIVE' AND track_stock AND stock_on_hand <= ?"
				+ " ORDER BY stock_on_hand, id LIMIT ?")
			.params(threshold, rows)
			.query(RecordRows.of(Lookup.class))
			.list();
	}

	/** What a picker offers. */
	record Lookup(long id, String sku, String name, @Nullable String barcode, BigDecimal price, int stockOnHand) {
	}

}
