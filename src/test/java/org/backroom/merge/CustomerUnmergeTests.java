package org.backroom.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.because;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.read;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, points 3 and 4: reports over past periods keep their totals, a big merge is fast and rewrites no
 * order, and unmerge puts every table back as it was, unless something since depends on the merge.
 */
@BackroomTest
class CustomerUnmergeTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	private long credit(String name, String limit, String phone) {
		return customer(api, Map.of("name", uniqueName(name), "creditAllowed", true, "creditLimit", limit,
				"phone", phone)).path("id").asLong();
	}

	private Api.Response merge(long survivor, long duplicate) {
		return api.post("/api/customers/" + survivor + "/merge", Map.of("duplicateIds", List.of(duplicate),
				"fields", Map.of("phone", "fromDuplicate", "name", "fromDuplicate"), "reason", "one person"));
	}

	@Test
	void mergeThenUnmergeLeavesEveryTableAsItWasExceptTheAuditTrailWhichHasBoth() {
		long itemId = item(api, "Unmerge jam", "4.00").path("id").asLong();
		long survivor = credit("Ed Hall", "100", "0161 555 0100");
		long duplicate = credit("Edward Hall", "50", "0161 555 0199");
		sold(api, duplicate, "CREDIT", line(itemId, 5));
		sold(api, survivor, "CREDIT", line(itemId, 1));
		Map<String, List<String>> before = Tables.dump(jdbc);
		long auditBefore = auditEntries();

		assertThat(merge(survivor, duplicate).status()).isEqualTo(200);
		assertThat(read(api, "/api/customers/" + survivor).path("balance").asString()).isEqualTo("24.00");
		assertThat(Tables.dump(jdbc)).isNotEqualTo(before);
		Api.Response unmerged = api.post("/api/customers/" + duplicate + "/unmerge", because("two people after all"));

		assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);
		assertThat(unmerged.json().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(unmerged.json().path("balance").asString()).isEqualTo("20.00");
		assertThat(Tables.dump(jdbc)).isEqualTo(before);
		List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE id > (SELECT coalesce(max(id), 0) - ? FROM audit_log) ORDER BY id")
			.param(auditEntries() - auditBefore)
			.query(String.class)
			.list();
		assertThat(actions).contains("customer.merge", "customer.balance-transfer", "customer.unmerge",
				"customer.unmerge-survivor");
	}

	@Test
	void refusesToUnmergeWhenACreditSaleOnTheSurvivorUsedTheCombinedBalance() {
		long itemId = item(api, "Unmerge honey", "10.00").path("id").asLong();
		long survivor = credit("Flo Kay", "100", "0161 555 0200");
		long duplicate = credit("Flo Kaye", "100", "0161 555 0201");
		sold(api, duplicate, "CREDIT", line(itemId, 2));
		assertThat(merge(survivor, duplicate).status()).isEqualTo(200);
		sold(api, survivor, "CREDIT", line(itemId, 1));

		Api.Response refused = api.post("/api/customers/" + duplicate + "/unmerge", because("wrong"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.problemType()).isEqualTo("unmerge-blocked");
		assertThat(refused.json().path("dependsOn").path(0).asString()).contains("1 credit sale(s)");
		assertThat(read(api, "/api/customers/" + duplicate).path("status").asString()).isEqualTo("MERGED");
	}

	@Test
	void reportsOverAPastPeriodGiveTheSameGrandTotalBeforeAndAfterAMerge() {
		long itemId = item(api, "Report biscuits", "3.50").path("id").asLong();
		long survivor = credit("Gil Moss", "100", "0161 555 0300");
		long duplicate = credit("Gill Moss", "100", "0161 555 0301");
		sold(api, duplicate, "CASH", line(itemId, 4));
		sold(api, survivor, "CREDIT", line(itemId, 2));
		String period = "/api/reports/sales-by-customer?from=2000-01-01&to=2100-01-01";
		String total = read(api, period).path("total").asString();

		assertThat(merge(survivor, duplicate).status()).isEqualTo(200);

		assertThat(read(api, period).path("total").asString()).isEqualTo(total);
	}

	@Test
	void mergesACustomerWithTenThousandOrdersInUnderASecondAndRewritesNoOrder() {
		long survivor = credit("Hal Nye", "0", "0161 555 0400");
		long duplicate = credit("Hal Nie", "0", "0161 555 0401");
		jdbc.sql("""
				INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_by, created_at)
				SELECT ?, 'Hal Nie', 'CASH', 1.00, 'admin', now() - make_interval(mins => g)
				FROM generate_series(1, 10000) g""").param(duplicate).update();
		String rows = "SELECT string_agg(id || ':' || xmin::text, ',' ORDER BY id) FROM sales_orders WHERE customer_id = ?";
		String before = jdbc.sql(rows).param(duplicate).query(String.class).single();

		long started = System.nanoTime();
		Api.Response merged = merge(survivor, duplicate);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(merged.status()).isEqualTo(200);
		assertThat(millis).as("merge of 10,000 orders took %d ms", millis).isLessThan(1000);
		assertThat(jdbc.sql(rows).param(duplicate).query(String.class).single()).isEqualTo(before);
		assertThat(read(api, "/api/customers/" + survivor + "/merge/preview?duplicateIds=" + duplicate)
			.path("refused").path(0).path("code").asString()).isEqualTo("merged");
	}

	@Test
	void anUnmergeWaitsForApprovalWhenTheSettingsSaySoAndIsUndoneOnceApproved() {
		long survivor = credit("Ivy Lott", "0", "0161 555 0500");
		long duplicate = credit("Ivy Lot", "0", "0161 555 0501");
		assertThat(merge(survivor, duplicate).status()).isEqualTo(200);
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.unmerge", true)));
		try {
			Api.Response held = api.post("/api/customers/" + duplicate + "/unmerge", because("two people"));

			assertThat(held.status()).as(held.toString()).isEqualTo(202);
			assertThat(held.header("Location")).isEqualTo("/api/approvals/" + held.json().path("id").asLong());
			assertThat(held.json().path("action").asString()).isEqualTo("customer.unmerge");
			assertThat(held.json().path("recordId").asLong()).isEqualTo(duplicate);
			assertThat(held.json().path("status").asString()).isEqualTo("PENDING");
			assertThat(read(api, "/api/customers/" + duplicate).path("status").asString()).isEqualTo("MERGED");

			Api.Response approved = staffWithRole("Manager").post(held.header("Location") + "/approve", because("checked"));

			assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
			assertThat(read(api, "/api/customers/" + duplicate).path("status").asString()).isEqualTo("ACTIVE");
			assertThat(read(api, "/api/customers/" + survivor).path("phone").asString()).isEqualTo("0161 555 0500");
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("customer.unmerge", false)));
		}
	}

	@Test
	void anUnmergeThatCannotBeDoneIsRefusedBeforeAnyApprovalIsAskedFor() {
		long itemId = item(api, "Unmerge tea", "10.00").path("id").asLong();
		long survivor = credit("Jo Marsh", "100", "0161 555 0600");
		long duplicate = credit("Joe Marsh", "100", "0161 555 0601");
		sold(api, duplicate, "CREDIT", line(itemId, 1));
		assertThat(merge(survivor, duplicate).status()).isEqualTo(200);
		sold(api, survivor, "CREDIT", line(itemId, 1));
		api.patch("/api/settings", Map.of("approvals", Map.of("customer.unmerge", true)));
		try {
			Api.Response refused = api.post("/api/customers/" + duplicate + "/unmerge", because("wrong"));

			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.problemType()).isEqualTo("unmerge-blocked");
			assertThat(jdbc.sql("SELECT count(*) FROM approval_requests WHERE action = 'customer.unmerge' AND record_id = ?")
				.param(duplicate).query(Long.class).single()).isZero();
		}
		finally {
			api.patch("/api/settings", Map.of("approvals", Map.of("customer.unmerge", false)));
		}
	}

	private long auditEntries() {
		return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
	}

}
