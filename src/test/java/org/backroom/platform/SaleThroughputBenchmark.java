package org.backroom.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.backroom.BackroomApplication;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.StoreRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What durability costs: sales per second through HTTP on the embedded PostgreSQL with fsync and synchronous commit
 * off (the embedded library's test settings) and on (Backroom's), in one run. Run by hand:
 * {@code ./mvnw test -Dtest=SaleThroughputBenchmark -Dbackroom.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "backroom.benchmark", matches = "true")
class SaleThroughputBenchmark {

	private static final int CASHIERS = 8;

	/** How long each phase sells: {@code -Dbackroom.benchmark.seconds}, 20 by default. */
	private static final long SECONDS = Long.getLong("backroom.benchmark.seconds", 20);

	@Test
	void measuresSalesPerSecondWithDurabilityOffAndOn() throws InterruptedException {
		// A short untimed round of each first, then two timed rounds of each, alternating: the JVM warms up in the
		// first rounds, and whichever setting ran first would otherwise look slower.
		salesPerSecond(true, Math.max(1, SECONDS / 4));
		salesPerSecond(false, Math.max(1, SECONDS / 4));
		double relaxed = 0;
		double durable = 0;
		for (int round = 0; round < 2; round++) {
			relaxed += salesPerSecond(true, SECONDS) / 2;
			durable += salesPerSecond(false, SECONDS) / 2;
		}
		System.out.printf("%nBENCHMARK sales/s through HTTP, %d cashiers, 2 rounds of %d s each, alternating: relaxed "
				+ "(fsync off) %.1f, durable (fsync on) %.1f, durable/relaxed = %.2f%n%n", CASHIERS, SECONDS, relaxed,
				durable, durable / relaxed);
	}

	/** Sales per second that {@link #CASHIERS} cashiers record through HTTP for {@code seconds}. */
	static double salesPerSecond(boolean relaxed, long seconds) throws InterruptedException {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BackroomApplication.class).run(
				"--server.port=0", "--backroom.data.dir=", "--backroom.data.relaxed-durability=" + relaxed,
				"--backroom.demo=false", "--backroom.trash.purge-cron=-",
				"--backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD)) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
			Api withPassword = new Api(port).as("admin", ApiTest.ADMIN_PASSWORD);
			String token = withPassword.post("/api/me/tokens", Map.of("name", "benchmark")).json().path("token").asString();
			Api api = new Api(port).with("Authorization", "Bearer " + token);
			long item = StoreRecords.item(api, "Benchmark tea", "2.50").path("id").asLong();
			Map<String, Object> sale = Map.of("payment", "CASH", "lines", List.of(Map.of("itemId", item, "quantity", 1)));
			for (int i = 0; i < 50; i++) {
				api.post("/api/sales-orders", sale); // warm-up
			}
			AtomicInteger sold = new AtomicInteger();
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			ExecutorService cashiers = Executors.newFixedThreadPool(CASHIERS);
			for (int i = 0; i < CASHIERS; i++) {
				cashiers.submit(() -> {
					while (System.nanoTime() < end) {
						if (api.post("/api/sales-orders", sale).status() == 201) {
							sold.incrementAndGet();
						}
					}
				});
			}
			cashiers.shutdown();
			cashiers.awaitTermination(seconds + 60, TimeUnit.SECONDS);
			return sold.get() / (double) seconds;
		}
	}

}
