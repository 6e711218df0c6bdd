package org.backroom.purchasing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.Changes;
import org.backroom.item.ItemService;
import org.backroom.item.PurchaseItem;
import org.backroom.lifecycle.LifecycleRefusals.RecordInactive;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.purchasing.PurchaseOrderStatus.Move;
import org.backroom.staff.StaffPrincipal;
import org.backroom.supplier.PurchaseSupplier;
import org.backroom.supplier.SupplierMerging;
import org.backroom.supplier.SupplierService;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying from suppliers. Each step is one transaction that locks what it relies on: the order's row, then the
 * supplier, then the items, always in that order, so that no deactivation slips in between a check and a commit.
 */
@Service
class PurchasingService {

	private static final String KIND = "purchase-order";

	private final PurchaseOrders orders;

	private final SupplierService suppliers;

	private final ItemService items;

	private final AuditTrail audit;

	private final SupplierMerging merging;

	PurchasingService(PurchaseOrders orders, SupplierService suppliers, ItemService items, AuditTrail audit,
			SupplierMerging merging) {
		this.merging = merging;
		this.orders = orders;
		this.suppliers = suppliers;
		this.items = items;
		this.audit = audit;
	}

	/** Drafts a purchase order; the supplier and every item must be active. */
	@PreAuthorize("@permissions.require('purchasing.create')")
	@Transactional
	PurchaseOrder create(NewPurchaseOrder request) {
		StaffPrincipal by = StaffPrincipal.current().orElseThrow();
		Parties parties = lock(Objects.requireNonNull(request.supplierId()), request.itemIds());
		List<PurchaseOrder.Line> lines = request.priced(parties.items());
		BigDecimal total = lines.stream().map(PurchaseOrder.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		PurchaseOrder created = get(orders.insert(parties.supplier().id(), parties.supplier().name(), total, by, lines));
		audit.record(KIND + ".create", KIND, created.id(), null, Map.of("number", created.number(),
				"supplierId", created.supplierId(), "supplierName", created.supplierName(), "total", created.total()));
		return created;
	}

	/** Sends a draft to the supplier; refused, naming each of them, when its supplier or items are no longer active. */
	@PreAuthorize("@permissions.require('purchasing.order')")
	@Transactional
	PurchaseOrder order(long id) {
		PurchaseOrder order = locked(id);
		order.status().after(Move.ORDER, order.number());
		lock(order.supplierId(), order.lines().stream().map(PurchaseOrder.Line::itemId).toList());
		orders.markOrdered(id);
		return moved(order, Move.ORDER, null, Map.of());
	}

	/**
	 * Takes the goods of an ordered purchase order into stock. The goods arrived whatever happened to the records
	 * since, so inactive items are received too, and the order keeps a warning naming each of them.
	 */
	@PreAuthorize("@permissions.require('purchasing.receive')")
	@Transactional
	PurchaseOrder receive(long id) {
		PurchaseOrder order = locked(id);
		order.status().after(Move.RECEIVE, order.number());
		PurchaseSupplier supplier = suppliers.supplierForPurchase(order.supplierId());
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		order.lines().forEach(line -> quantities.merge(line.itemId(), line.quantity(), Integer::sum));
		List<String> warnings = new ArrayList<>();
		if (supplier.status() != LifecycleStatus.ACTIVE) {
			warnings.add("Supplier " + supplier.label() + " was " + word(supplier.status()) + " when this order was received.");
		}
		for (PurchaseItem item : items.receiveStock(quantities)) {
			if (item.status() != LifecycleStatus.ACTIVE) {
				warnings.add("Item " + item.label() + " was " + word(item.status()) + " when received; "
						+ (item.trackStock() ? quantities.get(item.id()) + " were added to its stock all the same."
								: "it does not track stock."));
			}
		}
		orders.markReceived(id, warnings);
		// What went onto the shelf, and each inactive record it went through for, stay in the audit trail too.
		return moved(order, Move.RECEIVE, null, Map.of("received", quantities, "warnings", warnings));
	}

	/** Cancels a draft or an ordered purchase order; a received one stays received. */
	@PreAuthorize("@permissions.require('purchasing.cancel')")
	@Transactional
	PurchaseOrder cancel(long id, @Nullable String reason) {
		PurchaseOrder order = locked(id);
		order.status().after(Move.CANCEL, order.number());
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > 500) {
			throw ValidationFailed.of("reason", "must be at most 500 characters");
		}
		orders.markCancelled(id, why);
		return moved(order, Move.CANCEL, why, Map.of());
	}

	@PreAuthorize("@permissions.require('purchasing.view')")
	@Transactional(readOnly = true)
	PurchaseOrder get(long id) {
		return orders.find(id).orElseThrow(() -> new RecordNotFound("purchase order", id));
	}

	@PreAuthorize("@permissions.require('purchasing.view')")
	@Transactional(readOnly = true)
	Page<PurchaseOrder> list(@Nullable Long supplierId, boolean includeMerged, @Nullable String status,
			@Nullable String cursor, int limit) {
		PurchaseOrderStatus wanted = status == null || status.isBlank() ? null : PurchaseOrderStatus.parse(status);
		// The orders of suppliers merged into this one keep their own supplierId: they are found through the link.
		List<Long> suppliers = supplierId == null ? null
				: includeMerged ? merging.withMerged(supplierId) : List.of(supplierId);
		List<PurchaseOrder> rows = orders.list(suppliers, wanted, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, order -> new Cursor(order.createdAt().toString(), order.id()));
	}

	/** An item's most recent purchase order lines (the last 25), for its page. */
	@PreAuthorize("@permissions.require('purchasing.view')")
	@Transactional(readOnly = true)
	List<PurchaseOrders.ItemPurchase> purchasesOf(long itemId) {
		return orders.purchasesOf(itemId, 25);
	}

	/** Records a move in the audit trail, as the transaction's last write, and answers the order after it. */
	private PurchaseOrder moved(PurchaseOrder before, Move move, @Nullable String reason, Map<String, Object> facts) {
		PurchaseOrder after = get(before.id());
		Map<String, Object> changes = new LinkedHashMap<>(facts);
		changes.put("status", new Changes.Change(before.status(), after.status()));
		audit.record(KIND + "." + move.verb(), KIND, after.id(), reason, changes);
		return after;
	}

	private PurchaseOrder locked(long id) {
		return orders.lock(id).orElseThrow(() -> new RecordNotFound("purchase order", id));
	}

	/** The supplier and the items of an order being made, locked FOR SHARE, all of them active. */
	private record Parties(PurchaseSupplier supplier, Map<Long, PurchaseItem> items) {
	}

	private Parties lock(long supplierId, List<Long> itemIds) {
		PurchaseSupplier supplier = suppliers.supplierForPurchase(supplierId);
		Map<Long, PurchaseItem> locked = items.itemsForPurchase(itemIds);
		List<RecordInactive.Inactive> inactive = new ArrayList<>();
		if (supplier.status() != LifecycleStatus.ACTIVE) {
			inactive.add(new RecordInactive.Inactive("supplier", supplier.id(), supplier.label(), supplier.status()));
		}
		locked.values()
			.stream()
			.filter(item -> item.status() != LifecycleStatus.ACTIVE)
			.forEach(item -> inactive.add(new RecordInactive.Inactive("item", item.id(), item.label(), item.status())));
		if (!inactive.isEmpty()) {
			throw new RecordInactive(inactive);
		}
		return new Parties(supplier, locked);
	}

	private static String word(LifecycleStatus status) {
		return status == LifecycleStatus.DELETED ? "in the trash" : "inactive";
	}

}
