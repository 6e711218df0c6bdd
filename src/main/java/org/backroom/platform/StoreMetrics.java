package org.backroom.platform;

import java.math.BigDecimal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The store's own figures for {@code /actuator/prometheus}, beside the HTTP timers and the connection pool that
 * Spring Boot and Hikari give: lifecycle transitions, sales and bulk job progress. Each is counted when its
 * transaction commits, so a change that rolls back is never counted.
 */
@Component
public class StoreMetrics {

	private final MeterRegistry registry;

	StoreMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** {@code backroom_lifecycle_transitions_total{kind="customer",transition="deactivate"}}. */
	public void transition(String kind, String transition) {
		afterCommit(() -> registry.counter("backroom.lifecycle.transitions", "kind", kind, "transition", transition)
			.increment());
	}

	/** {@code backroom_sales_orders_total{payment}} and {@code backroom_sales_amount_total{payment}}. */
	public void sale(String payment, BigDecimal total) {
		afterCommit(() -> {
			registry.counter("backroom.sales.orders", "payment", payment).increment();
			Counter.builder("backroom.sales.amount").tag("payment", payment).baseUnit("currency").register(registry)
				.increment(total.doubleValue());
		});
	}

	/** {@code backroom_bulk_records_total{kind,action,outcome="done|skipped|failed"}}, one batch at a time. */
	public void bulkBatch(String kind, String action, int done, int skipped, int failed) {
		afterCommit(() -> {
			registry.counter("backroom.bulk.records", "kind", kind, "action", action, "outcome", "done").increment(done);
			registry.counter("backroom.bulk.records", "kind", kind, "action", action, "outcome", "skipped")
				.increment(skipped);
			registry.counter("backroom.bulk.records", "kind", kind, "action", action, "outcome", "failed")
				.increment(failed);
		});
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}
