package org.backroom.item;

import java.util.List;

import org.backroom.lifecycle.Dependent;
import org.backroom.lifecycle.RecordKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Items under the shared lifecycle: their table and the order lines that point to them. */
@Configuration(proxyBeanMethods = false)
class ItemRecords {

	static final String PATH = "items";

	@Bean
	RecordKind itemKind(Items items) {
		return new RecordKind("item", PATH, "items", "name || ' (' || sku || ')'",
				List.of(new Dependent("salesOrderLines", "sales order line", "sales order lines", "sales_order_lines", "item_id"),
						new Dependent("purchaseOrderLines", "purchase order line", "purchase order lines",
								"purchase_order_lines", "item_id")),
				id -> RecordKind.OpenWork.NONE, RecordKind.Guard.NONE, items::find);
	}

}
