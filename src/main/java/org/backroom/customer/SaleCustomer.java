package org.backroom.customer;

import java.math.BigDecimal;

import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/**
 * A customer as a sale sees it, read with the row locked for the rest of the sale's transaction. The credit rule
 * lives here.
 */
public record SaleCustomer(long id, String code, String name, LifecycleStatus status, boolean creditAllowed,
		BigDecimal creditLimit, BigDecimal balance, long version) {

	/** Refuses a credit sale of this amount unless the customer has credit and the limit holds. */
	void requireCreditFor(BigDecimal amount) {
		if (!creditAllowed) {
			throw new CreditRefused(this, name + " (" + code + ") is not allowed to buy on credit.", amount);
		}
		BigDecimal after = balance.add(amount);
		if (after.compareTo(creditLimit) > 0) {
			throw new CreditRefused(this, name + " (" + code + ") owes " + balance.toPlainString()
					+ "; this sale of " + amount.toPlainString() + " would take the balance to " + after.toPlainString()
					+ ", over the credit limit of " + creditLimit.toPlainString() + ".", amount);
		}
	}

	/** A credit sale that the customer's credit does not cover. */
	static final class CreditRefused extends Refusal {

		CreditRefused(SaleCustomer customer, String detail, BigDecimal amount) {
			super("credit-refused", HttpStatus.CONFLICT, "Credit refused", detail);
			with("customerId", customer.id());
			with("balance", customer.balance().toPlainString());
			with("creditLimit", customer.creditLimit().toPlainString());
			with("amount", amount.toPlainString());
		}

	}

}
