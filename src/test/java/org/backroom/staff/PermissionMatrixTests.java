package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating endpoint refuses a signed-in user whose roles lack its permission: 403 {@code forbidden} naming
 * the permission, and nothing changes. The table is the list of mutating endpoints; a new one belongs here.
 */
@BackroomTest
class PermissionMatrixTests extends ApiTest {

	private static Api nobody;

	private static long customerId;

	private static long itemId;

	private static long staffId;

	private static long roleId;

	private static long supplierId;

	private static long purchaseOrderId;

	@BeforeEach
	void aUserWithNoPermissions() {
		if (nobody != null) {
			return;
		}
		String role = "Nothing " + System.nanoTime();
		roleId = api.post("/api/roles", Map.of("name", role, "permissions", List.of())).json().path("id").asLong();
		nobody = staffWithRole(role);
		customerId = api.post("/api/customers", Map.of("name", "Matrix customer")).json().path("id").asLong();
		itemId = api.post("/api/items", Map.of("sku", "MTX-" + System.nanoTime(), "name", "Matrix item", "price", "1.00"))
			.json().path("id").asLong();
		staffId = api.post("/api/staff", Map.of("username", "m" + System.nanoTime(), "displayName", "Matrix staff",
				"password", STAFF_PASSWORD)).json().path("id").asLong();
		supplierId = api.post("/api/suppliers", Map.of("name", "Matrix supplier")).json().path("id").asLong();
		purchaseOrderId = api.post("/api/purchase-orders", Map.of("supplierId", supplierId, "lines",
				List.of(Map.of("itemId", itemId, "quantity", 1, "unitCost", "0.50")))).json().path("id").asLong();
	}

	static Stream<Arguments> mutatingEndpoints() {
		Map<String, String> reason = Map.of("reason", "testing permissions");
		return Stream.of(
				Arguments.of("POST", "/api/customers", Map.of("name", "X"), "customer.create"),
				Arguments.of("PUT", "/api/customers/{customer}", Map.of("name", "X"), "customer.edit"),
				Arguments.of("POST", "/api/customers/{customer}/deactivate", reason, "customer.deactivate"),
				Arguments.of("POST", "/api/customers/{customer}/reactivate", reason, "customer.reactivate"),
				Arguments.of("DELETE", "/api/customers/{customer}?reason=x", null, "customer.delete"),
				Arguments.of("POST", "/api/customers/{customer}/restore", reason, "customer.restore"),
				Arguments.of("POST", "/api/customers/{customer}/purge", reason, "customer.purge"),
				Arguments.of("POST", "/api/items", Map.of("sku", "X1", "name", "X", "price", "1"), "item.create"),
				Arguments.of("PUT", "/api/items/{item}", Map.of("sku", "X1", "name", "X", "price", "1"), "item.edit"),
				Arguments.of("POST", "/api/items/{item}/deactivate", reason, "item.deactivate"),
				Arguments.of("POST", "/api/items/{item}/reactivate", reason, "item.reactivate"),
				Arguments.of("DELETE", "/api/items/{item}?reason=x", null, "item.delete"),
				Arguments.of("POST", "/api/items/{item}/restore", reason, "item.restore"),
				Arguments.of("POST", "/api/items/{item}/purge", reason, "item.purge"),
				Arguments.of("POST", "/api/sales-orders",
						Map.of("payment", "CASH", "lines", List.of(Map.of("itemId", 1, "quantity", 1))), "sales.create"),
				Arguments.of("POST", "/api/staff", Map.of("username", "zz-nope", "displayName", "X", "password",
						"long-enough-password"), "staff.create"),
				Arguments.of("PUT", "/api/staff/{staff}", Map.of("displayName", "X"), "staff.edit"),
				Arguments.of("POST", "/api/staff/{staff}/password", Map.of("newPassword", "long-enough-pw"), "staff.manage"),
				Arguments.of("POST", "/api/staff/{staff}/deactivate", reason, "staff.deactivate"),
				Arguments.of("POST", "/api/staff/{staff}/reactivate", reason, "staff.reactivate"),
				Arguments.of("DELETE", "/api/staff/{staff}?reason=x", null, "staff.delete"),
				Arguments.of("POST", "/api/staff/{staff}/restore", reason, "staff.restore"),
				Arguments.of("POST", "/api/staff/{staff}/purge", reason, "staff.purge"),
				Arguments.of("POST", "/api/roles", Map.of("name", "Nope", "permissions", List.of()), "role.manage"),
				Arguments.of("PUT", "/api/roles/{role}", Map.of("name", "Nope", "permissions", List.of()), "role.manage"),
				Arguments.of("POST", "/api/roles/{role}/clone", Map.of("name", "Nope copy"), "role.manage"),
				Arguments.of("DELETE", "/api/roles/{role}", null, "role.manage"),
				Arguments.of("PATCH", "/api/settings", Map.of("trash", Map.of("retentionDays", 5)), "settings.manage"),
				Arguments.of("POST", "/api/approvals/{approval}/approve", reason, "approval.decide"),
				Arguments.of("POST", "/api/approvals/{approval}/reject", reason, "approval.decide"),
				Arguments.of("POST", "/api/bulk-jobs/preview", Map.of("recordKind", "customer", "action", "deactivate",
						"ids", List.of(1)), "bulk.run"),
				Arguments.of("POST", "/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
						List.of(1), "reason", "x"), "bulk.run"),
				Arguments.of("POST", "/api/bulk-jobs/1/undo", reason, "bulk.run"),
				Arguments.of("POST", "/api/backups", null, "backup.manage"),
				Arguments.of("POST", "/api/suppliers", Map.of("name", "X"), "supplier.create"),
				Arguments.of("PUT", "/api/suppliers/{supplier}", Map.of("name", "X"), "supplier.edit"),
				Arguments.of("POST", "/api/suppliers/{supplier}/deactivate", reason, "supplier.deactivate"),
				Arguments.of("POST", "/api/suppliers/{supplier}/reactivate", reason, "supplier.reactivate"),
				Arguments.of("DELETE", "/api/suppliers/{supplier}?reason=x", null, "supplier.delete"),
				Arguments.of("POST", "/api/suppliers/{supplier}/restore", reason, "supplier.restore"),
				Arguments.of("POST", "/api/suppliers/{supplier}/purge", reason, "supplier.purge"),
				Arguments.of("POST", "/api/purchase-orders", Map.of("supplierId", 1, "lines",
						List.of(Map.of("itemId", 1, "quantity", 1, "unitCost", "1.00"))), "purchasing.create"),
				Arguments.of("POST", "/api/purchase-orders/{purchaseOrder}/order", null, "purchasing.order"),
				Arguments.of("POST", "/api/purchase-orders/{purchaseOrder}/receive", null, "purchasing.receive"),
				Arguments.of("POST", "/api/purchase-orders/{purchaseOrder}/cancel", reason, "purchasing.cancel"));
	}

	@ParameterizedTest(name = "{0} {1} needs {3}")
	@MethodSource("mutatingEndpoints")
	void refusesWithoutThePermissionAndChangesNothing(String method, String path, Object body, String permission) {
		String before = snapshot();
		var answer = nobody.send(method, resolve(path), body, "If-Match", "\"0\"");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
		assertThat(answer.problemType()).isEqualTo("forbidden");
		assertThat(answer.json().path("missingPermission").asString()).isEqualTo(permission);
		assertThat(snapshot()).isEqualTo(before);
	}

	private String resolve(String path) {
		return path.replace("{customer}", String.valueOf(customerId))
			.replace("{supplier}", String.valueOf(supplierId))
			.replace("{purchaseOrder}", String.valueOf(purchaseOrderId))
			.replace("{item}", String.valueOf(itemId))
			.replace("{staff}", String.valueOf(staffId))
			.replace("{role}", String.valueOf(roleId))
			.replace("{approval}", "1");
	}

	/** What a refused request could have changed, as the owner sees it. */
	private String snapshot() {
		return api.get("/api/customers/" + customerId).body() + api.get("/api/items/" + itemId).body()
				+ api.get("/api/staff/" + staffId).body() + api.get("/api/roles/" + roleId).body()
				+ api.get("/api/settings").body() + api.get("/api/suppliers/" + supplierId).body()
				+ api.get("/api/purchase-orders/" + purchaseOrderId).body() + api.get("/api/customers?status=all&limit=100").body();
	}

}
