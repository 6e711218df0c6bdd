package org.backroom.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** When the store requires approval for bulk deactivation, a job waits for a second person. */
@BackroomTest
class BulkApprovalTests extends ApiTest {

	@BeforeEach
	void bulkDeactivationNeedsApproval() {
		api.patch("/api/settings", Map.of("approvals", Map.of("bulk.deactivate", true)));
	}

	@AfterEach
	void andNoLonger() {
		api.patch("/api/settings", Map.of("approvals", Map.of("bulk.deactivate", false)));
	}

	@Test
	void aJobWaitsForApprovalAndRunsWhenApproved() throws InterruptedException {
		Api manager = staffWithRole("Manager");
		long customer = api.post("/api/customers", Map.of("name", "Waiting Wanda")).json().path("id").asLong();
		var started = manager.post("/api/bulk-jobs", Map.of("recordKind", "customer", "action", "deactivate", "ids",
				List.of(customer), "reason", "dormant"));
		assertThat(started.status()).isEqualTo(202);
		JsonNode job = started.json();
		assertThat(job.path("status").asString()).isEqualTo("PENDING_APPROVAL");
		long requestId = job.path("approvalRequestId").asLong();
		JsonNode request = api.get("/api/approvals/" + requestId).json();
		assertThat(request.path("action").asString()).isEqualTo("bulk.deactivate");
		assertThat(request.path("recordKind").asString()).isEqualTo("bulk-job");
		assertThat(request.path("recordId").asLong()).isEqualTo(job.path("id").asLong());
		// Waiting for approval, the job must not start: for a whole second it stays pending and the customer active.
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> status(customer).equals("ACTIVE") && api.get("/api/bulk-jobs/" + job.path("id").asLong())
				.json()
				.path("status")
				.asString()
				.equals("PENDING_APPROVAL"));
		assertThat(manager.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "me")).status())
			.isEqualTo(403);

		assertThat(api.post("/api/approvals/" + requestId + "/approve", Map.of("reason", "checked the list")).status())
			.isEqualTo(200);
		BulkJobTests.await(() -> api.get("/api/bulk-jobs/" + job.path("id").asLong()).json().path("status")
			.asString().equals("DONE"));
		assertThat(status(customer)).isEqualTo("INACTIVE");
	}

	@Test
	void aRejectedJobTouchesNothing() {
		long customer = api.post("/api/customers", Map.of("name", "Rejected Rita")).json().path("id").asLong();
		JsonNode job = staffWithRole("Manager").post("/api/bulk-jobs", Map.of("recordKind", "customer", "action",
				"deactivate", "ids", List.of(customer), "reason", "dormant")).json();
		api.post("/api/approvals/" + job.path("approvalRequestId").asLong() + "/reject", Map.of("reason", "no"));
		assertThat(api.get("/api/bulk-jobs/" + job.path("id").asLong()).json().path("status").asString())
			.isEqualTo("REJECTED");
		assertThat(status(customer)).isEqualTo("ACTIVE");
	}

	private String status(long customer) {
		return api.get("/api/customers/" + customer).json().path("status").asString();
	}

}
