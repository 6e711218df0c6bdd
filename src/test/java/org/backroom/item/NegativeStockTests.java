package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.stock;
import static org.backroom.purchasing.PurchasingRecords.stockOf;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/** A store that sells before it books the delivery can let tracked stock go below zero; receiving evens it out. */
@BackroomTest(properties = { "backroom.data.dir=", "backroom.demo=false", "backroom.trash.purge-cron=-",
		"backroom.stock.allow-negative=true" })
class NegativeStockTests extends ApiTest {

	@Test
	void sellsMoreThanIsOnHandWhenTheStoreAllowsNegativeStock() {
		long item = item(api, unique("Oversold"), true).path("id").asLong();
		stock(api, item, 1);

		var sold = api.post("/api/sales-orders", Map.of("payment", "CARD",
				"lines", List.of(Map.of("itemId", item, "quantity", 3))));
		assertThat(sold.status()).as("%s", sold).isEqualTo(201);
		assertThat(stockOf(api, item)).isEqualTo(-2);

		stock(api, item, 5);
		assertThat(stockOf(api, item)).isEqualTo(3);
	}

}
