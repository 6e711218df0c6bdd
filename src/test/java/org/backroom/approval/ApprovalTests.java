package org.backroom.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Own application: it turns approval of customer reactivation on. */
@BackroomTest(properties = "backroom.approvals.expire-after=48h")
class ApprovalTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	private Api manager;

	private long customerId;

	@BeforeEach
	void reactivationNeedsApproval() {
		assertThat(api.patch("/api/settings", Map.of("approvals", Map.of("customer.reactivate", true))).status())
			.isEqualTo(200);
		manager = staffWithRole("Manager");
		customerId = api.post("/api/customers", Map.of("name", "Dormant Dora")).json().path("id").asLong();
		api.post("/api/customers/" + customerId + "/deactivate", Map.of("reason", "no orders for two years"));
	}

	@Test
	void aManagersReactivationWaitsForTheOwnersApproval() {
		var asked = manager.post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "she is back"));
		assertThat(asked.status()).isEqualTo(202);
		long requestId = asked.json().path("id").asLong();
		assertThat(asked.header("Location")).isEqualTo("/api/approvals/" + requestId);
		assertThat(asked.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(asked.json().path("action").asString()).isEqualTo("customer.reactivate");
		assertThat(asked.json().path("requestedBy").asString()).isNotBlank();
		assertThat(asked.json().path("expiresAt").asString()).isNotBlank();
		assertThat(status()).isEqualTo("INACTIVE");

		var inbox = api.get("/api/approvals?status=pending");
		assertThat(inbox.json().path("items").toString()).contains("\"id\":" + requestId);

		var ownApproval = manager.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "me"));
		assertThat(ownApproval.status()).isEqualTo(403);
		assertThat(status()).isEqualTo("INACTIVE");

		var approved = api.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "confirmed by phone"));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
		assertThat(status()).isEqualTo("ACTIVE");

		String history = api.get("/api/customers/" + customerId + "/history").body();
		assertThat(history).contains("approval.request", "she is back", "approval.approve", "confirmed by phone",
				"customer.reactivate");
	}

	@Test
	void aRejectedRequestChangesNothing() {
		long requestId = manager.post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "back?"))
			.json().path("id").asLong();
		var rejected = api.post("/api/approvals/" + requestId + "/reject", Map.of("reason", "still owes us"));
		assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.json().path("decisionReason").asString()).isEqualTo("still owes us");
		assertThat(status()).isEqualTo("INACTIVE");
		assertThat(api.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "late")).status()).isEqualTo(409);
	}

	@Test
	void twoApproversAtOnceRunTheActionExactlyOnce() throws Exception {
		Api otherOwner = staffWithRole("Owner");
		long requestId = manager.post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "back"))
			.json().path("id").asLong();
		var pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> answers = new ArrayList<>();
		for (Api approver : List.of(api, otherOwner)) {
			answers.add(pool.submit((Callable<Integer>) () -> approver
				.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "yes")).status()));
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(status()).isEqualTo("ACTIVE");
		assertThat(jdbc.sql("SELECT count(*) FROM approval_requests WHERE id = ? AND status = 'APPROVED'")
			.param(requestId).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anExpiredRequestCannotBeApproved() {
		long requestId = manager.post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "back"))
			.json().path("id").asLong();
		jdbc.sql("UPDATE approval_requests SET expires_at = now() - interval '1 minute' WHERE id = ?")
			.param(requestId).update();
		assertThat(api.get("/api/approvals/" + requestId).json().path("status").asString()).isEqualTo("EXPIRED");
		assertThat(api.get("/api/approvals?status=pending").json().path("items").toString())
			.doesNotContain("\"id\":" + requestId + ",");
		assertThat(api.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "late")).status())
			.isEqualTo(409);
		assertThat(status()).isEqualTo("INACTIVE");
	}

	@Test
	void theDatabaseRefusesASelfApprovalEvenBehindTheApplicationsBack() {
		long requestId = manager.post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "back"))
			.json().path("id").asLong();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
				"UPDATE approval_requests SET status = 'APPROVED', decided_by = requested_by, decided_at = now() WHERE id = ?")
			.param(requestId).update()).hasMessageContaining("approval_requests_four_eyes");
	}

	@Test
	void aCashierCannotEvenAskToReactivate() {
		var asked = staffWithRole("Cashier").post("/api/customers/" + customerId + "/reactivate", Map.of("reason", "x"));
		assertThat(asked.status()).isEqualTo(403);
		assertThat(asked.json().path("missingPermission").asString()).isEqualTo("customer.reactivate");
	}

	private String status() {
		return api.get("/api/customers/" + customerId).json().path("status").asString();
	}

}
