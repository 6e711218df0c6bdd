package org.backroom.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.LifecycleRefusals.RecordInactive;
import org.backroom.lifecycle.RecordErased;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordEdits;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.web.Cursor;
import org.backroom.web.Page;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeping customers: create, edit, find; and what a sale needs of a customer. */
@Service
public class CustomerService {

	private static final int LOOKUP_LIMIT = 20;

	private final Customers customers;

	private final RecordKinds kinds;

	private final RecordEdits edits;

	CustomerService(Customers customers, RecordKinds kinds, RecordEdits edits) {
		this.customers = customers;
		this.kinds = kinds;
		this.edits = edits;
	}

	/**
	 * A new customer. Giving credit is an edit's decision, not a clerk's: whoever creates a customer with credit
	 * needs {@code customer.edit} too, or a cashier could open an account with any limit and sell on it.
	 */
	@PreAuthorize("@permissions.require('customer.create') and (#form.creditAllowed() != true"
			+ " and (#form.creditLimit() == null or #form.creditLimit().signum() == 0)"
			+ " or @permissions.require('customer.edit'))")
	@Transactional
	Customer create(CustomerForm form) {
		return edits.created(kind(), customers.insert(form), this::get);
	}

	/** Edits a customer made from the given version; a customer in the trash must be restored first. */
	@PreAuthorize("@permissions.require('customer.edit')")
	@Transactional
	Customer update(long id, long expectedVersion, CustomerForm form) {
		return edits.edit(kind(), id, expectedVersion, this::get, () -> customers.update(id, form));
	}

	private RecordKind kind() {
		return kinds.byPath(CustomerRecords.PATH);
	}

	@PreAuthorize("@permissions.require('customer.view')")
	@Transactional(readOnly = true)
	Customer get(long id) {
		return customers.find(id).orElseThrow(() -> new RecordNotFound("customer", id));
	}

	@PreAuthorize("@permissions.require('customer.view')")
	@Transactional(readOnly = true)
	Page<Customer> list(String status, @Nullable String query, @Nullable String cursor, int limit) {
		List<Customer> rows = customers.list(status, query, Cursor.decode(cursor), limit + 1);
		return Page.of(rows, limit, customer -> new Cursor(customer.name(), customer.id()));
	}

	@PreAuthorize("@permissions.require('customer.view')")
	@Transactional(readOnly = true)
	Map<String, Long> counts() {
		return customers.countByStatus();
	}

	/**
	 * One statement, outside a transaction: a transaction would add two round trips to the database, its begin and
	 * its commit, to every keystroke of a picker, and one statement reads one snapshot without it.
	 */
	@PreAuthorize("@permissions.require('customer.view')")
	List<Customers.Lookup> lookup(@Nullable String query) {
		return customers.lookup(query, LOOKUP_LIMIT);
	}

	/**
	 * The customer of a new sale, locked until the sale commits so that a deactivation cannot commit in between:
	 * the walk-in customer when none is named. A credit sale locks it for update, since it will change the balance.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SaleCustomer customerForSale(@Nullable Long id, boolean onCredit) {
		long customerId = id != null ? id : customers.walkInId();
		SaleCustomer customer = customers.lock(customerId, onCredit)
			.orElseThrow(() -> ValidationFailed.of("customerId", "there is no customer with id " + customerId));
		if (customer.status() == LifecycleStatus.ERASED) {
			throw new RecordErased("customer", customer.id(), customer.name());
		}
		if (customer.status() == LifecycleStatus.MERGED) {
			throw CustomerMerging.merged(customers, customer);
		}
		if (customer.status() != LifecycleStatus.ACTIVE) {
			throw new RecordInactive("customer", customer.id(), customer.name() + " (" + customer.code() + ")",
					customer.status());
		}
		return customer;
	}

	/** Puts a credit sale on the customer's balance, or refuses it when their credit does not cover it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void chargeCredit(SaleCustomer customer, BigDecimal amount) {
		customer.requireCreditFor(amount);
		customers.addToBalance(customer.id(), amount);
	}

}
