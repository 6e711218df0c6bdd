package org.backroom.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backroom.audit.AuditTrail;
import org.backroom.customer.CustomerService;
import org.backroom.customer.SaleCustomer;
import org.backroom.item.ItemService;
import org.backroom.item.SaleItem;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.platform.Money;
import org.backroom.platform.StoreMetrics;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
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

	SalesService(SalesOrders orders, CustomerService customers, ItemService items, AuditTrail audit,
			StoreMetrics metrics) {
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
		Map<Long, SaleItem> locked = items.itemsFor(requested.stream().map(line -> Objects.requireNonNull(line.itemId())).toList());

		List<SalesOrder.Line> lines = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int index = 0; index < requested.size(); index++) {
			NewSale.Line line = requested.get(index);
			SaleItem item = Objects.requireNonNull(locked.get(line.itemId()));
			int quantity = Objects.requireNonNull(line.quantity());
			BigDecimal unitPrice = money(line.unitPrice() != null ? line.unitPrice() : item.price());
			BigDecimal discount = money(line.discount() != null ? line.discount() : BigDecimal.ZERO);
			BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
			if (discount.compareTo(gross) > 0) {
				errors.add(new FieldError("lines[" + index + "].discount",
						"must not exceed the line's " + gross.toPlainString()));
				continue;
			}
			BigDecimal lineTotal = gross.subtract(discount);
			if (!Money.fitsOrderTotal(lineTotal)) {
				errors.add(new FieldError("lines[" + index + "]",
						"the line comes to more than " + Money.MAX_ORDER_TOTAL.toPlainString()));
				continue;
			}
			lines.add(new SalesOrder.Line(index + 1, item.id(), item.sku(), item.name(), quantity, unitPrice, discount,
					lineTotal));
			quantities.merge(item.id(), quantity, Integer::sum);
			total = total.add(lineTotal);
		}
		if (errors.isEmpty() && !Money.fitsOrderTotal(total)) {
			errors.add(new FieldError("lines", "the sale comes to more than " + Money.MAX_ORDER_TOTAL.toPlainString()));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		items.takeStock(locked, quantities);
		if (payment == NewSale.Payment.CREDIT) {
			customers.chargeCredit(customer, total);
		}
		long id = orders.insert(customer.id(), customer.name(), payment, total, cashier, lines);
		SalesOrder order = get(id);
		audit.record("sales-order.create", "sales-order", id, null, Map.of("number", order.number(), "customerId",
				order.customerId(), "customerName", order.customerName(), "payment", payment, "total", order.total()));
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
	Page<SalesOrder> list(@Nullable Long customerId, @Nullable Long processedBy, @Nullable String cursor, int limit) {
		List<SalesOrder> rows = orders.list(customerId, processedBy, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, order -> new Cursor(order.createdAt().toString(), order.id()));
	}

	/** An item's most recent sales (the last 25 lines), for its page. */
	@PreAuthorize("@permissions.require('sales.view')")
	@Transactional(readOnly = true)
	List<SalesOrders.ItemSale> salesOf(long itemId) {
		return orders.salesOf(itemId, 25);
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
