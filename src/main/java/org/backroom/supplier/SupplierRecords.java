package org.backroom.supplier;

import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.RecordKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Suppliers under the shared lifecycle: their table, the purchase orders that point to them, their open orders. */
@Configuration(proxyBeanMethods = false)
class SupplierRecords {

	static final String PATH = "suppliers";

	/**
	 * Purchase orders of the supplier still open (draft or ordered), read with the supplier for the impact preview;
	 * served by the supplier index of purchase_orders.
	 */
	private static final String OPEN_PURCHASE_ORDERS = "(SELECT count(*) FROM purchase_orders p"
			+ " WHERE p.supplier_id = suppliers.id AND p.status IN ('DRAFT', 'ORDERED'))";

	@Bean
	RecordKind supplierKind(Suppliers suppliers) {
		return RecordKind.named("supplier")
			.path(PATH)
			.label("name || ' (' || code || ')'")
			.code("code")
			.dependent("purchaseOrders", "purchase order", "purchase orders", "purchase_orders", "supplier_id")
			.openWork(OPEN_PURCHASE_ORDERS, (row, column) -> openOrders(row.getLong(column)))
			// A survivor of merges stays while records point to it: their orders show on it, and unmerge needs it.
			.dependent("mergedSuppliers", "merged supplier", "merged suppliers", "suppliers", "merged_into")
			.view(suppliers::find)
			.build();
	}

	private static RecordKind.OpenWork openOrders(long open) {
		List<String> warnings = open > 0 ? List.of(open + (open == 1 ? " purchase order is" : " purchase orders are")
				+ " still open; ordered goods can still be received, but drafts cannot be ordered while the supplier is"
				+ " not active.") : List.of();
		return new RecordKind.OpenWork(Map.of("openPurchaseOrders", open), warnings);
	}

}
