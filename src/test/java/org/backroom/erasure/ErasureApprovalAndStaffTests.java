package org.backroom.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.backroom.support.FormSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Erasure behind four eyes, a staff member's erasure ending their sign-ins, and a person's own copy of their data. */
@BackroomTest
class ErasureApprovalAndStaffTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anErasureThatNeedsApprovalWaitsAndRunsWhenApproved() {
		long customer = api.post("/api/customers", Map.of("name", "Approved Erasure " + UUID.randomUUID()))
			.json().path("id").asLong();
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.erase", true)));
		try {
			var held = api.post("/api/customers/" + customer + "/erase", Map.of("reason", "asked by letter"));
			assertThat(held.status()).as(held.toString()).isEqualTo(202);
			assertThat(held.header("Location")).isEqualTo("/api/approvals/" + held.json().path("id").asLong());
			assertThat(held.json().path("action").asString()).isEqualTo("customer.erase");
			assertThat(held.json().path("status").asString()).isEqualTo("PENDING");
			assertThat(api.get("/api/customers/" + customer).json().path("status").asString()).isEqualTo("ACTIVE");

			Api otherOwner = staffWithRole("Owner");
			var approved = otherOwner.post("/api/approvals/" + held.json().path("id").asLong() + "/approve",
					Map.of("reason", "letter checked"));
			assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
			assertThat(api.get("/api/customers/" + customer).json().path("status").asString()).isEqualTo("ERASED");
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("customer.erase", false)));
		}
	}

	@Test
	void erasingStaffEndsTheirSessionsAndTokensAndKeepsTheirSalesFigures() {
		Api cashier = staffWithRole("Cashier");
		JsonNode me = cashier.get("/api/me").json();
		String username = me.path("username").asString();
		String displayName = me.path("displayName").asString();
		FormSession browser = FormSession.browser(port());
		assertThat(browser.signIn(username, STAFF_PASSWORD).status()).isIn(302, 303);
		assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", username)).isPositive();
		long item = api.post("/api/items", Map.of("sku", "ST-" + UUID.randomUUID().toString().substring(0, 8),
				"name", "Staff tea", "price", "2.50")).json().path("id").asLong();
		var sale = cashier.post("/api/sales-orders", Map.of("payment", "CASH", "lines",
				List.of(Map.of("itemId", item, "quantity", 3))));
		assertThat(sale.status()).isEqualTo(201);
		String before = api.get("/api/reports/sales-by-staff?from=2000-01-01&to=2100-01-01").json().path("total")
			.asString();

		var erased = api.post("/api/staff/" + me.path("id").asLong() + "/erase", Map.of("reason", "left in 2024"));

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(cashier.get("/api/me").status()).isEqualTo(401);
		assertThat(browser.get("/").status()).isIn(302, 303, 401);
		assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", username)).isZero();
		assertThat(count("SELECT count(*) FROM api_tokens WHERE staff_id = ?", me.path("id").asLong())).isZero();
		JsonNode staff = api.get("/api/staff/" + me.path("id").asLong()).json();
		assertThat(staff.path("status").asString()).isEqualTo("ERASED");
		assertThat(staff.path("username").asString()).isEqualTo("erased-" + me.path("id").asLong());
		assertThat(api.get("/api/reports/sales-by-staff?from=2000-01-01&to=2100-01-01").json().path("total")
			.asString()).isEqualTo(before);
		PersonalDataScan scan = new PersonalDataScan(jdbc);
		assertThat(scan.find(username)).isEmpty();
		assertThat(scan.find(displayName)).isEmpty();
		assertThat(api.get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
		// Signing in with the old name and password fails like any unknown name (and is recorded as such).
		assertThat(anonymous.as(username, STAFF_PASSWORD).get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void exportsAPersonsDataAsJsonAndAsZipAndAuditsIt() throws Exception {
		String name = "Exported Person " + UUID.randomUUID();
		long customer = api.post("/api/customers", Map.of("name", name, "email", "export@example.org"))
			.json().path("id").asLong();

		var json = api.get("/api/customers/" + customer + "/personal-data");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().path("format").asString()).isEqualTo("backroom-personal-data/1");
		assertThat(json.json().path("record").get(0).path("name").asString()).isEqualTo(name);
		assertThat(json.json().path("auditEntries").get(0).path("action").asString()).isEqualTo("customer.create");
		var zip = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create("http://localhost:" + port() + "/api/customers/" + customer + "/personal-data"))
			.header("Authorization", ownerAuthorization()).header("Accept", "application/zip").build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		assertThat(zipEntries(zip.body())).containsExactly("record.csv", "orders.csv", "orderLines.csv",
				"auditEntries.csv");
		assertThat(api.get("/api/customers/" + customer + "/personal-data?format=xml").status()).isEqualTo(422);
		assertThat(api.get("/api/customers/" + customer + "/history").json().path("items").valueStream()
			.filter(entry -> entry.path("action").asString().equals("customer.personal-data-export")).count())
			.isEqualTo(2);
		assertThat(staffWithRole("Manager").get("/api/customers/" + customer + "/personal-data").status())
			.isEqualTo(403);
	}

	private static List<String> zipEntries(byte[] body) throws Exception {
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	private long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

}
