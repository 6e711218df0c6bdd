package org.backroom.supplier;

import org.backroom.lifecycle.LifecycleStatus;

/** A supplier as a purchase order sees it, read with the row locked for the rest of the order's transaction. */
public record PurchaseSupplier(long id, String code, String name, LifecycleStatus status) {

	/** How people tell this supplier apart: {@code Green Farm (P000012)}. */
	public String label() {
		return name + " (" + code + ")";
	}

}
