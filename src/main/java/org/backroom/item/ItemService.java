package org.backroom.item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.backroom.lifecycle.LifecycleRefusals.RecordInactive;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordEdits;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeping the item list, and what a sale or a purchase needs of its items. */
@Service
public class ItemService {

	private final Items items;

	private final ItemLookups lookups;

	private final StockSettings stock;

	private final RecordKinds kinds;

	private final RecordEdits edits;

	ItemService(Items items, ItemLookups lookups, StockSettings stock, RecordKinds kinds, RecordEdits edits) {
		this.items = items;
		this.lookups = lookups;
		this.stock = stock;
		this.kinds = kinds;
		this.edits = edits;
	}

	@PreAuthorize("@permissions.require('item.create')")
	@Transactional
	Item create(ItemForm form) {
		requireUnique(form, 0);
		return edits.created(kind(), items.insert(form), this::get);
	}

	@PreAuthorize("@permissions.require('item.edit')")
	@Transactional
	Item update(long id, long expectedVersion, ItemForm form) {
		return edits.edit(kind(), id, expectedVersion, this::get, () -> {
			requireUnique(form, id);
			items.update(id, form);
		});
	}

	private RecordKind kind() {
		return kinds.byPath(ItemRecords.PATH);
	}

	@PreAuthorize("@permissions.require('item.view')")
	@Transactional(readOnly = true)
	Item get(long id) {
		return items.find(id).orElseThrow(() -> new RecordNotFound("item", id));
	}

	@PreAuthorize("@permissions.require('item.view')")
	@Transactional(readOnly = true)
	Page<Item> list(String status, @Nullable String query, @Nullable String cursor, int limit) {
		List<Item> rows = items.list(status, query, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, item -> new Cursor(item.name(), item.id()));
	}

	/**
	 * Outside a transaction, which would add a begin and a commit to every keystroke of a picker: the matches and the
	 * scanned barcode are two reads, each of its own moment, and a picker's answer needs no more (what it offers is
	 * checked again, under lock, by the sale or purchase it goes into).
	 */
	@PreAuthorize("@permissions.require('item.view')")
	List<ItemLookups.Lookup> lookup(@Nullable String query) {
		return lookups.lookup(query);
	}

	/** Active items that track stock and have at most {@code threshold} on hand, fewest first (the first 10). */
	@PreAuthorize("@permissions.require('item.view')")
	@Transactional(readOnly = true)
	List<ItemLookups.Lookup> lowStock(int threshold) {
		return lookups.lowStock(threshold, 10);
	}

	/**
	 * The items of new work, locked until it commits, by id. Unknown ids are a validation problem naming the line
	 * ({@code lines[2].itemId}); an item that is not active refuses the whole order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Long, SaleItem> itemsFor(List<Long> itemIds) {
		Map<Long, SaleItem> found = new LinkedHashMap<>();
		items.lockForSale(itemIds).forEach(item -> found.put(item.id(), item));
		requireKnown(itemIds, found);
		for (long id : itemIds) {
			SaleItem item = Objects.requireNonNull(found.get(id));
			if (item.status() == LifecycleStatus.MERGED) {
				throw ItemMerging.merged(items, id);
			}
			if (item.status() != LifecycleStatus.ACTIVE) {
				throw new RecordInactive("item", id, item.label(), item.status());
			}
		}
		return found;
	}

	/**
	 * The items of a purchase order, locked FOR SHARE until it commits, by id. Unknown ids are a validation problem
	 * naming the line; whether their status allows the order is the caller's to decide, since an order names every
	 * inactive record at once. A merged item refuses the order at once, naming the item to use instead.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Long, PurchaseItem> itemsForPurchase(List<Long> itemIds) {
		Map<Long, PurchaseItem> found = new LinkedHashMap<>();
		items.lockForPurchase(itemIds).forEach(item -> found.put(item.id(), item));
		requireKnown(itemIds, found);
		for (PurchaseItem item : found.values()) {
			if (item.status() == LifecycleStatus.MERGED) {
				throw ItemMerging.merged(items, item.id());
			}
		}
		return found;
	}

	/**
	 * Puts received goods on the shelf: adds the quantities to the stock of tracked items, in the caller's
	 * transaction, whatever the items' status; goods that arrived are there even if an item was deactivated since
	 * it was ordered. Answers the items as they were received, so that the caller can say which were not active.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<PurchaseItem> receiveStock(Map<Long, Integer> quantities) {
		items.receiveStock(quantities);
		return items.purchaseItems(quantities.keySet());
	}

	private static void requireKnown(List<Long> itemIds, Map<Long, ?> found) {
		List<FieldError> unknown = new ArrayList<>();
		for (int line = 0; line < itemIds.size(); line++) {
			if (!found.containsKey(itemIds.get(line))) {
				unknown.add(new FieldError("lines[" + line + "].itemId", "there is no item with id " + itemIds.get(line)));
			}
		}
		if (!unknown.isEmpty()) {
			throw new ValidationFailed(unknown);
		}
	}

	/**
	 * Takes sold quantities off the stock of tracked items, refusing the sale when one would go below zero
	 * (unless {@code backroom.stock.allow-negative}): every item is checked before any changes, then all change in
	 * one statement. The items must have been locked by {@link #itemsFor}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void takeStock(Map<Long, SaleItem> lockedItems, Map<Long, Integer> quantities) {
		Map<Long, Integer> taken = new TreeMap<>();
		quantities.forEach((id, quantity) -> {
			SaleItem item = Objects.requireNonNull(lockedItems.get(id));
			if (!item.trackStock()) {
				return;
			}
			if (!stock.allowNegative() && item.stockOnHand() < quantity) {
				throw new InsufficientStock(item, quantity);
			}
			taken.put(id, quantity);
		});
		items.takeStock(taken);
	}

	private void requireUnique(ItemForm form, long exceptId) {
		List<FieldError> errors = new ArrayList<>();
		items.skuTaken(String.valueOf(form.sku()).strip(), exceptId)
			.ifPresent(other -> errors.add(new FieldError("sku", "is already used by " + other)));
		String barcode = ItemForm.blankToNull(form.barcode());
		if (barcode != null) {
			items.barcodeTaken(barcode, exceptId)
				.ifPresent(other -> errors.add(new FieldError("barcode", "is already used by " + other)));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
	}

	/** A sale of more than is on hand. */
	static final class InsufficientStock extends Refusal {

		InsufficientStock(SaleItem item, int wanted) {
			super("insufficient-stock", HttpStatus.CONFLICT, "Not enough stock",
					item.label() + " has " + item.stockOnHand() + " on hand; the sale needs " + wanted + ".");
			with("itemId", item.id());
			with("stockOnHand", item.stockOnHand());
			with("requested", wanted);
		}

	}

}
