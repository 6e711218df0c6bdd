package org.backroom.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.purchasing.PurchasingRecords.drafted;
import static org.backroom.purchasing.PurchasingRecords.item;
import static org.backroom.purchasing.PurchasingRecords.line;
import static org.backroom.purchasing.PurchasingRecords.moved;
import static org.backroom.purchasing.PurchasingRecords.stock;
import static org.backroom.purchasing.PurchasingRecords.stockOf;
import static org.backroom.purchasing.PurchasingRecords.supplier;
import static org.backroom.purchasing.PurchasingRecords.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/**
 * Stock changes in the sale's own transaction under a row lock: however many tills sell the last unit at the same
 * moment, exactly one gets it. Real concurrent HTTP requests against the running application.
 */
@BackroomTest
class StockConcurrencyTests extends ApiTest {

	private static final int TILLS = 8;

	@Test
	void sellsTheLastUnitExactlyOnceWhenTillsSellItAtTheSameMoment() throws Exception {
		long item = item(api, unique("Last unit"), true).path("id").asLong();
		stock(api, item, 1);

		List<Api.Response> answers = sellConcurrently(item, TILLS, 1);

		assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
		List<Api.Response> refused = answers.stream().filter(answer -> answer.status() != 201).toList();
		assertThat(refused).hasSize(TILLS - 1).allSatisfy(answer -> {
			assertThat(answer.status()).as("%s", answer).isEqualTo(409);
			assertThat(answer.problemType()).isEqualTo("insufficient-stock");
			assertThat(answer.json().path("stockOnHand").asInt()).isZero();
		});
		assertThat(stockOf(api, item)).isZero();
	}

	@Test
	void countsEveryUnitWhenSalesAndReceiptsOfTheSameItemsRace() throws Exception {
		long first = item(api, unique("Racing A"), true).path("id").asLong();
		long second = item(api, unique("Racing B"), true).path("id").asLong();
		stock(api, first, 2);
		stock(api, second, 2);
		long supplier = supplier(api, unique("Racing supplier")).path("id").asLong();
		List<Long> deliveries = new ArrayList<>();
		for (int i = 0; i < TILLS / 2; i++) {
			// Lines in the opposite order to the sales': locking in id order keeps the two from deadlocking.
			long order = drafted(api, supplier, line(second, 1, "1.00"), line(first, 1, "1.00")).path("id").asLong();
			moved(api, order, "order");
			deliveries.add(order);
		}
		List<Callable<Api.Response>> work = new ArrayList<>();
		for (int i = 0; i < TILLS / 2; i++) {
			long delivery = deliveries.get(i);
			work.add(() -> api.post("/api/sales-orders", Map.of("payment", "CASH", "lines",
					List.of(Map.of("itemId", first, "quantity", 1), Map.of("itemId", second, "quantity", 1)))));
			work.add(() -> api.post("/api/purchase-orders/" + delivery + "/receive", null));
		}

		List<Api.Response> answers = concurrently(work);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isIn(200, 201, 409));
		assertThat(answers).filteredOn(answer -> answer.status() == 200).as("every delivery received").hasSize(TILLS / 2);
		long sold = answers.stream().filter(answer -> answer.status() == 201).count();
		assertThat(answers).filteredOn(answer -> answer.status() == 409)
			.allSatisfy(answer -> assertThat(answer.problemType()).isEqualTo("insufficient-stock"));
		assertThat(stockOf(api, first)).isEqualTo(2 + TILLS / 2 - sold).isNotNegative();
		assertThat(stockOf(api, second)).isEqualTo(2 + TILLS / 2 - sold).isNotNegative();
	}

	private List<Api.Response> sellConcurrently(long item, int tills, int quantity) throws Exception {
		List<Callable<Api.Response>> sales = new ArrayList<>();
		for (int till = 0; till < tills; till++) {
			sales.add(() -> api.post("/api/sales-orders", Map.of("payment", "CASH",
					"lines", List.of(Map.of("itemId", item, "quantity", quantity)))));
		}
		return concurrently(sales);
	}

	/** Sends the requests from as many threads at once, released together, and waits for every answer. */
	private static List<Api.Response> concurrently(List<Callable<Api.Response>> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch ready = new CountDownLatch(requests.size());
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<Api.Response>> pending = new ArrayList<>();
			for (Callable<Api.Response> request : requests) {
				pending.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return request.call();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Api.Response> answers = new ArrayList<>();
			for (Future<Api.Response> answer : pending) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
