package org.backroom.item;

import java.math.BigDecimal;

import org.backroom.lifecycle.LifecycleStatus;

/** An item as a sale sees it, read with its row locked for the rest of the sale's transaction. */
public record SaleItem(long id, String sku, String name, BigDecimal price, LifecycleStatus status,
		boolean trackStock, int stockOnHand) {

	String label() {
		return name + " (" + sku + ")";
	}

}
