package org.backroom.merge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.backroom.item.Item;
import org.backroom.item.ItemMerging;
import org.backroom.lifecycle.MergedRows;
import org.backroom.lifecycle.RecordKind;
import org.backroom.merge.MergePreview.Moves;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Items as a merge sees them: duplicates by barcode (its digits, leading zeros aside) or a similar name; stock on
 * hand moves by a recorded adjustment, and unmerge gives it back unless the stock sold since makes that impossible.
 */
// Named apart from the lifecycle's RecordKind bean of the same kind (itemKind).
@Component("itemMergeKind")
class ItemKind implements MergeKind {

	private static final String FIND = """
			SELECT a.id AS a_id, a.sku AS a_code, a.name AS a_name, NULL::text AS a_email, NULL::text AS a_phone,
			       NULL::text AS a_tax, a.barcode AS a_barcode, b.id AS b_id, b.sku AS b_code, b.name AS b_name,
			       NULL::text AS b_email, NULL::text AS b_phone, NULL::text AS b_tax, b.barcode AS b_barcode, m.kinds,
			       similarity(lower(a.name), lower(b.name)) AS sim
			FROM items a
			CROSS JOIN LATERAL (
			    SELECT hit.id, array_agg(DISTINCT hit.kind ORDER BY hit.kind) AS kinds FROM (
			        SELECT i.id, 'barcode' AS kind FROM items i
			        WHERE i.status = 'ACTIVE' AND i.barcode IS NOT NULL
			          AND ltrim(regexp_replace(i.barcode, '\\D', '', 'g'), '0') = ltrim(regexp_replace(a.barcode, '\\D', '', 'g'), '0')
			          AND ltrim(regexp_replace(a.barcode, '\\D', '', 'g'), '0') <> ''
			        UNION ALL
			        SELECT i.id, 'name' FROM items i
			        WHERE i.status = 'ACTIVE' AND lower(i.name) % lower(a.name)
			    ) hit
			    WHERE hit.id > a.id AND (a.id, hit.id) > (:afterFirst, :afterSecond)
			    GROUP BY hit.id
			) m
			JOIN items b ON b.id = m.id AND NOT b.is_system
			WHERE a.status = 'ACTIVE' AND NOT a.is_system AND a.id >= :afterFirst
			  AND NOT EXISTS (SELECT 1 FROM item_duplicate_dismissals d WHERE d.low_id = a.id AND d.high_id = b.id)
			ORDER BY a.id, b.id
			LIMIT :rows""";

	private final ItemMerging items;

	private final MergedRows rows;

	private final Merges merges;

	ItemKind(ItemMerging items, MergedRows rows, Merges merges) {
		this.items = items;
		this.rows = rows;
		this.merges = merges;
	}

	@Override
	public String name() {
		return "item";
	}

	@Override
	public String path() {
		return "items";
	}

	@Override
	public RecordKind kind() {
		return items.kind();
	}

	@Override
	public List<String> fields() {
		return ItemMerging.FIELDS;
	}

	@Override
	public Optional<MergeRecord> find(long id) {
		return items.find(id).map(ItemKind::record);
	}

	private static MergeRecord record(Item i) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("name", i.name());
		values.put("description", i.description());
		values.put("barcode", i.barcode());
		values.put("category", i.category());
		values.put("price", MergePreview.money(i.price()));
		values.put("cost", i.cost() == null ? null : MergePreview.money(i.cost()));
		values.put("trackStock", i.trackStock());
		return new MergeRecord(i.id(), i.sku(), i.name(), i.status(), false, i.mergedInto(), values,
				Map.of("stockOnHand", i.stockOnHand()), BigDecimal.valueOf(i.stockOnHand()), i);
	}

	@Override
	public void lock(Set<Long> ids) {
		rows.lock(kind(), ids);
	}

	@Override
	public String snapshot(long id) {
		return rows.snapshot(kind(), id);
	}

	@Override
	public long mergedIntoIt(long id) {
		return rows.mergedIntoIt(kind(), id);
	}

	@Override
	public long orders(long id) {
		return merges.itemOrders(id);
	}

	@Override
	public BigDecimal absorb(long survivorId, long duplicateId, Set<String> fromDuplicate) {
		return BigDecimal.valueOf(items.absorb(survivorId, duplicateId, fromDuplicate));
	}

	@Override
	public Optional<Audited> moved(long duplicateId, long survivorId, BigDecimal amount) {
		// The recorded adjustment: the duplicate's stock leaves it and arrives on the survivor; no order is edited.
		return amount.signum() == 0 ? Optional.empty() : Optional.of(new Audited("item.stock-adjustment",
				Map.of("from", duplicateId, "to", survivorId, "quantity", amount.intValueExact())));
	}

	@Override
	public Moves moves(long orders, BigDecimal moved, BigDecimal after) {
		Map<String, Object> amounts = new LinkedHashMap<>();
		amounts.put("stock", moved.intValueExact());
		amounts.put("stockAfter", after.intValueExact());
		return new Moves(orders, amounts);
	}

	@Override
	public List<String> warnings(MergeRecord survivor, BigDecimal after) {
		if (!((Item) survivor.view()).trackStock() && after.signum() != 0) {
			return List.of("The survivor does not track stock: the " + after.toPlainString()
					+ " on hand moves to it all the same and shows once it tracks stock.");
		}
		return List.of();
	}

	@Override
	public List<String> undoBlocked(Merges.Merge merge) {
		return items.undoBlocked(merge.survivorId(), Objects.requireNonNull(merge.survivorAfter()), moved(merge))
			.map(List::of)
			.orElse(List.of());
	}

	@Override
	public Map<String, Object> returned(Merges.Merge merge) {
		return Map.of("stockReturned", moved(merge));
	}

	@Override
	public Optional<Audited> movedBack(Merges.Merge merge) {
		// The reverse of the merge's adjustment, recorded the same way.
		return moved(merge.survivorId(), merge.duplicateId(), Objects.requireNonNull(merge.balanceMoved()));
	}

	@Override
	public void release(Merges.Merge merge) {
		items.release(merge.survivorId(), Objects.requireNonNull(merge.survivorBefore()),
				Objects.requireNonNull(merge.survivorAfter()), merge.duplicateId(),
				Objects.requireNonNull(merge.duplicateBefore()));
	}

	private static int moved(Merges.Merge merge) {
		return Objects.requireNonNull(merge.balanceMoved()).intValueExact();
	}

	@Override
	public String duplicatesSql() {
		return FIND;
	}

}
