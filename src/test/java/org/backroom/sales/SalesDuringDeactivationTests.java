package org.backroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.creditCustomer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.ordersOf;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sell;
import static org.backroom.support.StoreRecords.uniqueName;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2, integrity under concurrency: tills keep selling to customers while the office deactivates them. Proven
 * from what the API shows afterwards, not from timing: no sale got in after its customer's deactivation, every
 * accepted sale has its order, every refused sale left nothing, and balances add up.
 *
 * <p>An order's {@code createdAt} and a customer's {@code statusChangedAt} are transaction start times
 * (PostgreSQL {@code now()}), not commit times: a sale that began a little after the deactivation began may
 * rightly commit first, because the deactivation waits for the sales already holding the customer's row. So the
 * proof that nothing committed after the deactivation is the customer's {@code updatedAt}: every credit sale
 * writes the balance (and {@code updatedAt}) under the row lock, and the deactivation must still be the last
 * writer. Timestamps are compared only where the order of events is certain: what was answered before the
 * deactivation was sent, and what was sent after it was answered.
 */
@BackroomTest
class SalesDuringDeactivationTests extends ApiTest {

	private static final int THREADS = 8;

	private static final int CUSTOMERS = 4;

	private static final int SALES_PER_CUSTOMER = 60;

	private static final List<String> PAYMENTS = List.of("CASH", "CREDIT", "CARD");

	/** One request a till or the office sent, and what came back, with client-clock times around it. */
	private record Sent(int customer, boolean deactivation, String payment, long sentNanos, long answeredNanos,
			Instant answeredAt, Api.Response response) {
	}

	@Test
	void noSaleGetsInAfterItsCustomersDeactivation() throws Exception {
		List<Long> customers = new ArrayList<>();
		for (int c = 0; c < CUSTOMERS; c++) {
			customers.add(creditCustomer(api, uniqueName("Busy till " + c), "1000000.00").path("id").asLong());
		}
		List<Long> items = List.of(item(api, "Tea", "1.25").path("id").asLong(),
				item(api, "Cake", "2.40").path("id").asLong());

		// Round-robin over the customers; each customer's deactivation sits somewhere in the middle third, so that
		// sales to it are in flight before, during and after it.
		List<int[]> plan = new ArrayList<>();
		for (int i = 0; i < SALES_PER_CUSTOMER * CUSTOMERS; i++) {
			plan.add(new int[] { i % CUSTOMERS, 0 });
		}
		for (int c = 0; c < CUSTOMERS; c++) {
			int third = plan.size() / 3;
			plan.add(third + ThreadLocalRandom.current().nextInt(third), new int[] { c, 1 });
		}

		ExecutorService tills = Executors.newFixedThreadPool(THREADS);
		List<Future<Sent>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < plan.size(); i++) {
				int customer = plan.get(i)[0];
				boolean deactivation = plan.get(i)[1] == 1;
				String payment = PAYMENTS.get(i % PAYMENTS.size());
				long itemId = items.get(i % items.size());
				int quantity = 1 + i % 3;
				futures.add(tills.submit(() -> {
					long sent = System.nanoTime();
					Api.Response response = deactivation
							? api.post("/api/customers/" + customers.get(customer) + "/deactivate",
									Map.of("reason", "Closed during trading"))
							: sell(api, customers.get(customer), payment, line(itemId, quantity));
					return new Sent(customer, deactivation, payment, sent, System.nanoTime(), Instant.now(), response);
				}));
			}
		}
		finally {
			tills.shutdown();
			assertThat(tills.awaitTermination(90, TimeUnit.SECONDS)).as("all requests answered").isTrue();
		}
		List<Sent> log = new ArrayList<>();
		for (Future<Sent> future : futures) {
			log.add(future.get());
		}

		for (int c = 0; c < CUSTOMERS; c++) {
			int customer = c;
			long id = customers.get(c);
			List<Sent> mine = log.stream().filter(sent -> sent.customer() == customer).toList();
			Sent deactivation = mine.stream().filter(Sent::deactivation).findFirst().orElseThrow();
			List<Sent> sales = mine.stream().filter(sent -> !sent.deactivation()).toList();
			assertThat(deactivation.response().status()).as("deactivation: %s", deactivation.response()).isEqualTo(200);

			// Every sale was either recorded or refused because the customer is inactive: nothing else went wrong.
			Map<Long, Sent> accepted = new HashMap<>();
			int refusedCount = 0;
			for (Sent sale : sales) {
				Api.Response answer = sale.response();
				if (answer.status() == 201) {
					accepted.put(answer.json().path("id").asLong(), sale);
				}
				else {
					assertThat(answer.status()).as("%s", answer).isEqualTo(409);
					assertThat(answer.problemType()).isEqualTo("record-inactive");
					refusedCount++;
				}
				if (sale.sentNanos() > deactivation.answeredNanos()) {
					assertThat(answer.status()).as("a sale sent after the deactivation was answered: %s", answer)
						.isEqualTo(409);
				}
			}
			assertThat(accepted).as("customer %d had sales before its deactivation", c).isNotEmpty();
			assertThat(refusedCount).as("customer %d had sales refused after its deactivation", c).isPositive();

			// Every accepted sale has exactly its order; no refused sale left one.
			JsonNode now = read(api, "/api/customers/" + id);
			List<JsonNode> orders = ordersOf(api, id);
			assertThat(orders).extracting(order -> order.path("id").asLong())
				.containsExactlyInAnyOrderElementsOf(accepted.keySet());
			assertThat(orders).hasSize(sales.size() - refusedCount);
			BigDecimal credit = BigDecimal.ZERO;
			Instant statusChangedAt = Instant.parse(now.path("statusChangedAt").asString());
			for (JsonNode order : orders) {
				Sent sale = accepted.get(order.path("id").asLong());
				assertThat(order).isEqualTo(sale.response().json());
				Instant createdAt = Instant.parse(order.path("createdAt").asString());
				assertThat(createdAt).as("order begun before the deactivation was answered")
					.isBefore(deactivation.answeredAt());
				if (sale.answeredNanos() < deactivation.sentNanos()) {
					assertThat(createdAt).as("order finished before the deactivation was sent")
						.isBefore(statusChangedAt);
				}
				if ("CREDIT".equals(order.path("payment").asString())) {
					credit = credit.add(new BigDecimal(order.path("total").asString()));
				}
			}

			// The balance is the sum of the credit orders, and the deactivation was the customer's last change: no
			// credit sale's balance update committed after it.
			assertThat(new BigDecimal(now.path("balance").asString())).isEqualByComparingTo(credit);
			assertThat(now.path("status").asString()).isEqualTo("INACTIVE");
			assertThat(now.path("updatedAt").asString()).as("last change of the customer")
				.isEqualTo(now.path("statusChangedAt").asString());
			assertThat(now.path("version").asLong()).isEqualTo(1);
			assertThat(read(api, "/api/customers/" + id + "/impact").path("dependents").path("salesOrders").asLong())
				.isEqualTo(accepted.size());
		}
	}

}
