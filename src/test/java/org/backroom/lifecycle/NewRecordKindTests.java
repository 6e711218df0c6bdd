package org.backroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adding a kind of record is one {@link RecordKind} declaration and its table: this test declares "gadgets", which
 * exist nowhere in the product, and finds the lifecycle endpoints, the impact preview, the permissions and their
 * grants to the built-in roles, the approval setting and the audit timeline all working for them.
 */
@BackroomTest(properties = "spring.flyway.locations=classpath:db/migration,classpath:db/gadgets")
class NewRecordKindTests extends ApiTest {

	/** A gadget as the API shows it. */
	record Gadget(long id, String name, String status, long version) implements RecordKind.Versioned {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Gadgets {

		@Bean
		RecordKind gadgetKind(JdbcClient jdbc) {
			return RecordKind.named("gadget")
				.label("name")
				.dependent("loans", "loan", "loans", "gadget_loans", "gadget_id")
				.view(id -> find(jdbc, id))
				.build();
		}

		private static Optional<Gadget> find(JdbcClient jdbc, long id) {
			return jdbc.sql("SELECT id, name, status, version FROM gadgets WHERE id = ?")
				.param(id)
				.query(Gadget.class)
				.optional();
		}

	}

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theLifecycleWorksForANewKind() {
		long id = gadget("Label printer");

		var deactivated = api.post("/api/gadgets/" + id + "/deactivate", Map.of("reason", "broken"));
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
		assertThat(deactivated.json().path("status").asString()).isEqualTo("INACTIVE");
		assertThat(deactivated.header("ETag")).isEqualTo("\"1\"");

		var reactivated = api.post("/api/gadgets/" + id + "/reactivate", Map.of("reason", "repaired"));
		assertThat(reactivated.json().path("status").asString()).isEqualTo("ACTIVE");

		var deleted = api.delete("/api/gadgets/" + id + "?reason=sold");
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().path("outcome").asString()).isEqualTo("DELETED");
		assertThat(api.post("/api/gadgets/" + id + "/restore", Map.of("reason", "found again")).status()).isEqualTo(200);
		assertThat(api.delete("/api/gadgets/" + id + "?reason=sold%20after%20all").status()).isEqualTo(200);

		var purged = api.post("/api/gadgets/" + id + "/purge", Map.of("reason", "gone"));
		assertThat(purged.status()).as(purged.toString()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM gadgets WHERE id = ?").param(id).query(Long.class).single()).isZero();
	}

	@Test
	void itsImpactPreviewCountsWhatPointsToItAndDeleteIsRefused() {
		long id = gadget("Scale");
		jdbc.sql("INSERT INTO gadget_loans (gadget_id) VALUES (?), (?)").params(id, id).update();

		JsonNode impact = api.get("/api/gadgets/" + id + "/impact").json();
		assertThat(impact.path("dependents").path("loans").asLong()).isEqualTo(2);
		assertThat(impact.path("actions").path("delete").path("allowed").asBoolean()).isFalse();
		assertThat(impact.path("actions").path("delete").path("reason").asString()).contains("2 loans");

		var refused = api.delete("/api/gadgets/" + id + "?reason=tidy%20up");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("record-referenced");
	}

	@Test
	void itsPermissionsAreInTheCatalogueAndTheBuiltInRolesHoldThem() {
		assertThat(api.get("/api/permissions").json().toString()).contains("\"gadget.view\"", "\"gadget.purge\"");
		long id = gadget("Till drawer");

		var auditor = staffWithRole("Auditor");
		assertThat(auditor.get("/api/gadgets/" + id + "/impact").status()).isEqualTo(200);
		var refused = auditor.post("/api/gadgets/" + id + "/deactivate", Map.of("reason", "no"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("missingPermission").asString()).isEqualTo("gadget.deactivate");

		var manager = staffWithRole("Manager");
		assertThat(manager.post("/api/gadgets/" + id + "/deactivate", Map.of("reason", "spare")).status()).isEqualTo(200);
		api.delete("/api/gadgets/" + id + "?reason=spare");
		var purge = manager.post("/api/gadgets/" + id + "/purge", Map.of("reason", "gone"));
		assertThat(purge.json().path("missingPermission").asString()).isEqualTo("gadget.purge");
	}

	@Test
	void itsReactivationCanBePutBehindAnApprovalAndItHasATimeline() {
		long id = gadget("Card reader");
		api.post("/api/gadgets/" + id + "/deactivate", Map.of("reason", "lost"));
		assertThat(api.get("/api/settings").json().path("approvals").has("gadget.reactivate")).isTrue();

		api.patch("/api/settings", Map.of("approvals", Map.of("gadget.reactivate", true)));
		try {
			var held = api.post("/api/gadgets/" + id + "/reactivate", Map.of("reason", "found"));
			assertThat(held.status()).as(held.toString()).isEqualTo(202);
			assertThat(held.json().path("action").asString()).isEqualTo("gadget.reactivate");
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("gadget.reactivate", false)));
		}

		JsonNode history = api.get("/api/gadgets/" + id + "/history").json().path("items");
		assertThat(history.toString()).contains("gadget.deactivate", "lost");
	}

	private long gadget(String name) {
		return jdbc.sql("INSERT INTO gadgets (name) VALUES (?) RETURNING id").param(name).query(Long.class).single();
	}

}
