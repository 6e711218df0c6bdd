package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.uniqueName;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

@BackroomTest
class SaleLimitsTests extends ApiTest {

	@Test
	void refusesASaleTooLargeToRecordAsValidationNotAServerError() {
		long customerId = customer(api, uniqueName("Big Spender")).path("id").asLong();
		long itemId = item(api, uniqueName("Gold bar"), "9999999999.99").path("id").asLong();

		var oneHugeLine = sell(api, customerId, "CASH", line(itemId, 100_000));
		assertThat(oneHugeLine.status()).isEqualTo(422);
		assertThat(oneHugeLine.problemType()).isEqualTo("validation");
		assertThat(oneHugeLine.json().path("errors").get(0).path("field").asString()).isEqualTo("lines[0]");

		var manyLargeLines = sell(api, customerId, "CARD", line(itemId, 60), line(itemId, 60));
		assertThat(manyLargeLines.status()).isEqualTo(422);
		assertThat(manyLargeLines.json().path("errors").get(0).path("field").asString()).isEqualTo("lines");

		assertThat(ordersOf(api, customerId)).isEmpty();
	}

}
