package org.backroom.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.backroom.lifecycle.RecordKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Customers under the shared lifecycle: their table, what points to them, and their open credit. */
@Configuration(proxyBeanMethods = false)
class CustomerRecords {

	static final String PATH = "customers";

	@Bean
	RecordKind customerKind(Customers customers) {
		return RecordKind.named("customer")
			.path(PATH)
			.label("name || ' (' || code || ')'")
			.code("code")
			.dependent("salesOrders", "sales order", "sales orders", "sales_orders", "customer_id")
			// A survivor of merges stays while records point to it: their orders show on it, and unmerge needs it.
			.dependent("mergedCustomers", "merged customer", "merged customers", "customers", "merged_into")
			.openWork("balance", (row, column) -> openCredit(row.getBigDecimal(column)))
			.view(customers::find)
			.build();
	}

	private static RecordKind.OpenWork openCredit(BigDecimal balance) {
		List<String> warnings = balance.signum() > 0
				? List.of("Owes " + balance.toPlainString() + " on credit; the balance stays open after this.")
				: List.of();
		return new RecordKind.OpenWork(Map.of("openBalance", balance), warnings);
	}

}
