package org.backroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests that fight over the same records are served one after the other, never with a 500: approvals against
 * edits, sales against deactivations, a bulk job against sales. Own application: it turns approval of customer
 * reactivation on.
 */
@BackroomTest(properties = "backroom.bulk.batch-size=5")
class ContentionTests extends ApiTest {

	private final ExecutorService threads = Executors.newFixedThreadPool(6);

	private final List<Api.Response> answers = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void reactivationNeedsApproval() {
		assertThat(api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", true))).status())
			.isEqualTo(200);
	}

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void anApprovalRacingAnEditOfTheSameCustomerIsNeverAServerError() throws Exception {
		Api manager = staffWithRole("Manager");
		for (int round = 0; round < 25; round++) {
			long customer = StoreRecords.customer(api, StoreRecords.uniqueName("Racing")).path("id").asLong();
			StoreRecords.transition(api, "/api/customers/" + customer, "deactivate", "away");
			long request = manager.post("/api/customers/" + customer + "/reactivate", StoreRecords.because("back"))
				.json().path("id").asLong();
			String name = StoreRecords.uniqueName("Edited");
			race(() -> api.post("/api/approvals/" + request + "/approve", StoreRecords.because("ok")),
					() -> manager.put("/api/customers/" + customer, Map.of("name", name), "If-Match", "*"));
			JsonNode after = StoreRecords.read(api, "/api/customers/" + customer);
			assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
			assertThat(after.path("name").asString()).isEqualTo(name);
		}
		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
	}

	@Test
	void salesRacingDeactivationsOfTheirCustomerAreRecordedOrRefusedNeverLost() throws Exception {
		long customer = StoreRecords.creditCustomer(api, StoreRecords.uniqueName("Contested"), "100000.00")
			.path("id").asLong();
		long item = StoreRecords.item(api, "Bread", "1.25").path("id").asLong();
		List<Callable<Api.Response>> work = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			work.add(() -> StoreRecords.sell(api, customer, "CREDIT", StoreRecords.line(item, 2)));
		}
		for (int i = 0; i < 8; i++) {
			work.add(() -> api.post("/api/customers/" + customer + "/deactivate", StoreRecords.because("pause")));
			work.add(() -> api.post("/api/customers/" + customer + "/reactivate", StoreRecords.because("resume")));
		}
		Collections.shuffle(work);
		all(work);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isLessThan(500));
		List<JsonNode> sold = answers.stream()
			.filter(answer -> answer.status() == 201)
			.map(Api.Response::json)
			.toList();
		assertThat(sold).allSatisfy(order -> StoreRecords.read(api, "/api/sales-orders/" + order.path("id").asLong()));
		assertThat(StoreRecords.ordersOf(api, customer)).hasSameSizeAs(sold);
		BigDecimal charged = sold.stream()
			.map(order -> new BigDecimal(order.path("total").asString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(new BigDecimal(StoreRecords.read(api, "/api/customers/" + customer).path("balance").asString()))
			.isEqualByComparingTo(charged);
		assertThat(StoreRecords.read(api, "/api/audit/verify").path("intact").asBoolean()).isTrue();
	}

	@Test
	void aBulkDeactivationRacingSalesToItsCustomersIsNeverAServerError() throws Exception {
		List<Long> customers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			customers.add(StoreRecords.customer(api, StoreRecords.uniqueName("Bulk")).path("id").asLong());
		}
		long item = StoreRecords.item(api, "Milk", "0.99").path("id").asLong();
		List<Callable<Api.Response>> work = new ArrayList<>();
		work.add(() -> api.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				customers, "reason", "season over")));
		for (int i = 0; i < 60; i++) {
			long customer = customers.get(i % customers.size());
			work.add(() -> StoreRecords.sell(api, customer, "CASH", StoreRecords.line(item, 1)));
		}
		all(work);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isLessThan(500));
		long job = answers.stream().filter(answer -> answer.status() == 202).findFirst().orElseThrow().json()
			.path("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> StoreRecords.read(api, "/api/bulk-jobs/" + job).path("status").asString().equals("DONE"));
		JsonNode done = StoreRecords.read(api, "/api/bulk-jobs/" + job);
		assertThat(done.path("failed").asInt()).as(done.toString()).isZero();
		long sold = answers.stream().filter(answer -> answer.status() == 201).count();
		long recorded = customers.stream().mapToLong(customer -> StoreRecords.ordersOf(api, customer).size()).sum();
		assertThat(recorded).isEqualTo(sold);
		assertThat(StoreRecords.read(api, "/api/audit/verify").path("intact").asBoolean()).isTrue();
	}

	/** Both at once, as near as two threads can start together. */
	@SafeVarargs
	private void race(Callable<Api.Response>... calls) throws Exception {
		all(List.of(calls));
	}

	private void all(List<Callable<Api.Response>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> running = new ArrayList<>();
		for (Callable<Api.Response> call : calls) {
			running.add(threads.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		for (Future<Api.Response> answer : running) {
			answers.add(answer.get());
		}
	}

}
