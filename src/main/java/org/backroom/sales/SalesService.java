package org.backroom.sales;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.audit.AuditTrail;
import org.backroom.customer.CustomerMerging;
import org.backroom.customer.CustomerService;
import org.backroom.customer.SaleCustomer;
import org.backroom.item.ItemService;
import org.backroom.item.SaleItem;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.platform.StoreMetrics;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording sales. One sale is one transaction: the customer and the items are locked and checked, stock and
 * credit change, and the order is written; or, when anything is refused, nothing is.
 */
@Service
class SalesService {

	private final SalesOrders orders;

	private final CustomerService customers;

	private final ItemService items;

	private final AuditTrail audit;

	private final StoreMetrics metrics;

	private final CustomerMerging merging;

	SalesService(SalesOrders orders, CustomerService customers, ItemService items, AuditTrail audit,
			StoreMetrics metrics, CustomerMerging merging) {
		this.merging = merging;
		this.orders = orders;
		this.customers = customers;
		this.items = items;
		this.audit = audit;
		this.metrics = metrics;
	}

	@PreAuthorize("@permissions.require('sales.create')")
	@Transactional
	SalesOrder sell(NewSale sale) {
		StaffPrincipal cashier = StaffPrincipal.current().orElseThrow();
		NewSale.Payment payment = Objects.requireNonNull(sale.payment());
		List<NewSale.Line> requested = Objects.requireNonNull(sale.lines());
		// The customer first, then the items: every sale locks in this order.
		SaleCustomer customer = customers.customerForSale(sale.customerId(), payment == NewSale.Payment.CREDIT);
		Map<Long, SaleItem> locked = items.itemsFor(requested.stream()
			.map(line -> Objects.requireNonNull(line.itemId()))
			.toList());
		PricedSale priced = PricedSale.of(requested, locked);
		items.takeStock(locked, priced.quantities());
		if (payment == NewSale.Payment.CREDIT) {
			customers.chargeCredit(customer, priced.total());
		}
		SalesOrder order = orders.insert(customer.id(), customer.name(), payment, priced.total(), cashier,
				priced.lines());
		audit.record("sales-order.create", "sales-order", order.id(), null, Map.of("number", order.number(),
				"customerId", order.customerId(), "customerName", order.customerName(), "payment", payment, "total",
				order.total()));
		metrics.sale(payment.name(), order.total());
		return order;
	}

	@PreAuthorize("@permissions.require('sales.view')")
	@Transactional(readOnly = true)
	SalesOrder get(long id) {
		return orders.find(id).orElseThrow(() -> new RecordNotFound("sales order", id));
	}

	@PreAuthorize("@permissions.require('sales.view')")
	@Transactional(readOnly = true)
	Page<SalesOrder> list(@Nullable Long customerId, boolean includeMerged, @Nullable Long processedBy,
			@Nullable String cursor, int limit) {
		// The orders of customers merged into this one keep their own customerId: they are found through the link.
		List<Long> customerIds = customerId == null ? null
				: includeMerged ? merging.withMerged(customerId) : List.of(customerId);
		List<SalesOrder> rows = orders.list(customerIds, processedBy, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, order -> new Cursor(order.createdAt().toString(), order.id()));
	}

	/** An item's most recent sales (the last 25 lines), for its page. */
	@PreAuthorize("@permissions.require('sales.view')")
	@Transactional(readOnly = true)
	List<SalesOrders.ItemSale> salesOf(long itemId) {
		return orders.salesOf(itemId, 25);
	}

}
