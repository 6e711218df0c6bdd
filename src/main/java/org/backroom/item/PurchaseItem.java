package org.backroom.item;

import java.math.BigDecimal;

import org.backroom.lifecycle.LifecycleStatus;
import org.jspecify.annotations.Nullable;

/** An item as a purchase order sees it: what the order snapshots, and the status that decides if it may be used. */
public record PurchaseItem(long id, String sku, String name, @Nullable BigDecimal cost, LifecycleStatus status,
		boolean trackStock) {

	/** How people tell this item apart: {@code Cola 330 ml (BEV-005)}. */
	public String label() {
		return name + " (" + sku + ")";
	}

}
