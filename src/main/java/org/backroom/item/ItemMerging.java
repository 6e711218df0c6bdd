package org.backroom.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.backroom.lifecycle.MergedRows;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.RecordMerged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merge of items needs of this feature, which owns their table and their stock: the survivor takes the
 * chosen fields, and the duplicate's stock on hand by a recorded adjustment (this feature's own stock code); the
 * undo gives it back, keeping whatever stock moved since. Runs in the caller's transaction; the caller has checked
 * the permission, locked the rows and audits the adjustment.
 */
@Service
public class ItemMerging {

	/** The fields a survivor may take from a duplicate, by their API names. */
	public static final List<String> FIELDS = List.of("name", "description", "barcode", "category", "price", "cost",
			"trackStock");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Items items;

	private final MergedRows rows;

	private final RecordKinds kinds;

	private final StockSettings stock;

	ItemMerging(Items items, MergedRows rows, RecordKinds kinds, StockSettings stock) {
		this.items = items;
		this.rows = rows;
		this.kinds = kinds;
		this.stock = stock;
	}

	public RecordKind kind() {
		return kinds.byPath(ItemRecords.PATH);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Item> find(long id) {
		return items.find(id);
	}

	/**
	 * The survivor takes the chosen fields of the duplicate (its barcode too: the duplicate gives it up first, since
	 * a barcode names one item) and its stock on hand, which leaves the duplicate at zero. Answers the stock moved.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int absorb(long survivorId, long duplicateId, Set<String> fromDuplicate) {
		String duplicate = rows.snapshot(kind(), duplicateId);
		if (fromDuplicate.contains("barcode")) {
			items.clearBarcode(duplicateId);
		}
		Map<String, String> columns = new LinkedHashMap<>();
		fromDuplicate.forEach(field -> columns.put(field, column(field)));
		rows.take(kind(), survivorId, duplicate, columns);
		int moved = items.find(duplicateId).orElseThrow().stockOnHand();
		if (moved != 0) {
			items.adjustStock(duplicateId, -moved);
			items.adjustStock(survivorId, moved);
		}
		return moved;
	}

	/**
	 * Why the undo of a merge that moved {@code moved} to the survivor cannot be done, if it cannot: the survivor
	 * was edited since, or sold so much since that giving the stock back would leave it below zero.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> undoBlocked(long survivorId, String survivorAfter, int moved) {
		Item survivor = items.find(survivorId).orElseThrow();
		if (!rows.unchangedSince(kind(), survivorId, survivorAfter, "stock_on_hand", "updated_at")) {
			return Optional.of("the survivor (item " + survivorId + ") was changed since the merge");
		}
		if (survivor.trackStock() && !stock.allowNegative() && survivor.stockOnHand() < moved) {
			return Optional.of("the survivor " + survivor.name() + " (" + survivor.sku() + ") has "
					+ survivor.stockOnHand() + " on hand, fewer than the " + moved
					+ " the merge moved to it: stock sold since would have to come back");
		}
		return Optional.empty();
	}

	/**
	 * Puts both rows back as they were before the merge, then keeps the stock that moved since: on the survivor what
	 * was sold or received after the merge, on the duplicate what a purchase order received onto it. Answers the
	 * stock that went back to the duplicate.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int release(long survivorId, String survivorBefore, String survivorAfter, long duplicateId,
			String duplicateBefore) {
		int survivorSince = items.find(survivorId).orElseThrow().stockOnHand() - stockIn(survivorAfter);
		int duplicateSince = items.find(duplicateId).orElseThrow().stockOnHand();
		// The survivor first: it gives back a barcode it took before the duplicate takes it again.
		rows.restore(kind(), survivorId, survivorBefore);
		rows.restore(kind(), duplicateId, duplicateBefore);
		if (survivorSince != 0) {
			items.adjustStock(survivorId, survivorSince);
		}
		if (duplicateSince != 0) {
			items.adjustStock(duplicateId, duplicateSince);
		}
		return stockIn(duplicateBefore);
	}

	private static int stockIn(String snapshot) {
		return JSON.readTree(snapshot).path("stock_on_hand").asInt();
	}

	/** The refusal of new work naming a merged item: it names the survivor to use instead. */
	static RecordMerged merged(Items items, long id) {
		Item merged = items.find(id).orElseThrow();
		Item survivor = items.find(Objects.requireNonNull(merged.mergedInto())).orElseThrow();
		return new RecordMerged("item", id, merged.name() + " (" + merged.sku() + ")", survivor.id(),
				survivor.name() + " (" + survivor.sku() + ")");
	}

	/** The column of a field, by its API name. */
	static String column(String field) {
		return switch (field) {
			case "trackStock" -> "track_stock";
			default -> field;
		};
	}

}
