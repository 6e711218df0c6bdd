package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.Map;
import java.util.stream.IntStream;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

	@Test
	void recordsTheLargestSaleATillMaySendLineByLineAsSold() {
		long customerId = customer(api, uniqueName("Caterer")).path("id").asLong();
		long itemId = item(api, uniqueName("Napkin"), "0.35").path("id").asLong();
		@SuppressWarnings("unchecked")
		Map<String, Object>[] lines = IntStream.rangeClosed(1, 200)
			.mapToObj(n -> line(itemId, n, "0.35", n % 2 == 0 ? "0.05" : "0"))
			.toArray(Map[]::new);

		var answer = sell(api, customerId, "CASH", lines);

		assertThat(answer.status()).as("%s", answer).isEqualTo(201);
		JsonNode order = answer.json();
		assertThat(order.path("lines").values()).extracting(sold -> sold.path("lineNo").asInt())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
		assertThat(order.path("lines").path(199).path("quantity").asInt()).isEqualTo(200);
		assertThat(order.path("lines").path(199).path("lineTotal").asString()).isEqualTo("69.95");
		assertThat(order.path("total").asString()).isEqualTo("7030.00");
		assertThat(read(api, "/api/sales-orders/" + order.path("id").asLong())).isEqualTo(order);
	}

}
