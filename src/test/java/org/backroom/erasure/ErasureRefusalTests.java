package org.backroom.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each refusal of an erasure says why, with its own problem type, and changes nothing. */
@BackroomTest
class ErasureRefusalTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesWhileACreditBalanceIsOpen() {
		long customer = customer(true);
		long item = item();
		var sale = api.post("/api/sales-orders", Map.of("customerId", customer, "payment", "CREDIT", "lines",
				List.of(Map.of("itemId", item, "quantity", 1))));
		assertThat(sale.status()).as(sale.toString()).isEqualTo(201);

		assertRefusedUnchanged(customer, "open-balance");
		assertThat(api.get("/api/customers/" + customer + "/erasure").json().path("refusalType").asString())
			.isEqualTo("open-balance");
	}

	@Test
	void refusesUnderALegalHoldUntilItIsReleased() {
		long customer = customer(false);
		var held = api.post("/api/customers/" + customer + "/legal-hold", Map.of("reason", "Court order 2024/17"));
		assertThat(held.status()).as(held.toString()).isEqualTo(200);
		assertThat(held.json().path("reason").asString()).isEqualTo("Court order 2024/17");
		assertThat(api.get("/api/customers/" + customer + "/erasure").json().path("legalHold").path("reason")
			.asString()).isEqualTo("Court order 2024/17");

		assertRefusedUnchanged(customer, "legal-hold");
		assertThat(api.delete("/api/customers/" + customer + "/legal-hold").status()).isEqualTo(422);
		assertThat(api.delete("/api/customers/" + customer + "/legal-hold?reason=case%20closed").status())
			.isEqualTo(204);
		assertThat(actions(customer)).contains("customer.legal-hold", "customer.legal-hold-release");
		assertThat(api.post("/api/customers/" + customer + "/erase", Map.of("reason", "asked")).status())
			.isEqualTo(200);
	}

	@Test
	void refusesTheWalkInCustomer() {
		long walkIn = jdbc.sql("SELECT id FROM customers WHERE code = 'WALK-IN'").query(Long.class).single();
		assertRefusedUnchanged(walkIn, "system-record");
	}

	@Test
	void refusesWhileAnApprovalIsPending() {
		long customer = customer(false);
		api.post("/api/customers/" + customer + "/deactivate", Map.of("reason", "moved"));
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", true)));
		try {
			Api manager = staffWithRole("Manager");
			assertThat(manager.post("/api/customers/" + customer + "/reactivate", Map.of("reason", "back")).status())
				.isEqualTo(202);
			assertRefusedUnchanged(customer, "pending-approvals");
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", false)));
		}
	}

	@Test
	void refusesSomeoneWithoutThePermission() {
		long customer = customer(false);
		Api manager = staffWithRole("Manager");
		var refused = manager.post("/api/customers/" + customer + "/erase", Map.of("reason", "asked"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(api.get("/api/customers/" + customer).json().path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void refusesTheLastOwnerAndOneself() {
		long admin = jdbc.sql("SELECT id FROM staff WHERE username = 'admin'").query(Long.class).single();
		var self = api.post("/api/staff/" + admin + "/erase", Map.of("reason", "leaving"));
		assertThat(self.status()).isEqualTo(409);
		assertThat(self.problemType()).isEqualTo("system-record");
		assertThat(api.get("/api/staff/" + admin).json().path("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void refusesStaffWithAnOpenPurchaseOrder() {
		Api manager = staffWithRole("Manager");
		long staffId = manager.get("/api/me").json().path("id").asLong();
		long supplier = api.post("/api/suppliers", Map.of("name", "Erasure supplier " + UUID.randomUUID()))
			.json().path("id").asLong();
		var order = manager.post("/api/purchase-orders", Map.of("supplierId", supplier, "lines",
				List.of(Map.of("itemId", item(), "quantity", 2, "unitCost", "1.00"))));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);

		var refused = api.post("/api/staff/" + staffId + "/erase", Map.of("reason", "left"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("open-purchase-orders");
		assertThat(manager.get("/api/me").status()).isEqualTo(200);
	}

	private void assertRefusedUnchanged(long customer, String type) {
		String before = api.get("/api/customers/" + customer).body();
		List<String> entries = actions(customer);
		long audited = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
		var refused = api.post("/api/customers/" + customer + "/erase", Map.of("reason", "asked to be forgotten"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo(type);
		assertThat(refused.json().path("detail").asString()).isNotBlank();
		assertThat(api.get("/api/customers/" + customer).body()).isEqualTo(before);
		assertThat(actions(customer)).isEqualTo(entries);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isEqualTo(audited);
	}

	private List<String> actions(long customer) {
		return api.get("/api/customers/" + customer + "/history").json().path("items").valueStream()
			.map(entry -> entry.path("action").asString()).toList();
	}

	private long customer(boolean credit) {
		return api.post("/api/customers", Map.of("name", "Refused " + UUID.randomUUID(), "creditAllowed", credit,
				"creditLimit", "100.00")).json().path("id").asLong();
	}

	private long item() {
		return api.post("/api/items", Map.of("sku", "RF-" + UUID.randomUUID().toString().substring(0, 8), "name",
				"Refusal tea", "price", "2.00")).json().path("id").asLong();
	}

}
