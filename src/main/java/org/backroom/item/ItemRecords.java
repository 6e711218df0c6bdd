package org.backroom.item;


import org.backroom.lifecycle.RecordKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Items under the shared lifecycle: their table and the order lines that point to them. */
@Configuration(proxyBeanMethods = false)
class ItemRecords {

	static final String PATH = "items";

	@Bean
	RecordKind itemKind(Items items) {
		return RecordKind.named("item")
			.path(PATH)
			.label("name || ' (' || sku || ')'")
			.code("sku")
			.dependent("salesOrderLines", "sales order line", "sales order lines", "sales_order_lines", "item_id")
			.dependent("purchaseOrderLines", "purchase order line", "purchase order lines", "purchase_order_lines",
					"item_id")
			// A survivor of merges stays while records point to it: their orders show on it, and unmerge needs it.
			.dependent("mergedItems", "merged item", "merged items", "items", "merged_into")
			.view(items::find)
			.build();
	}

}
