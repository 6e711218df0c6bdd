package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CSV import through HTTP: the dry run's errors, creates and updates, conflicts, undo, and who may do it. */
@BackroomTest(properties = "backroom.import.batch-size=2")
class ImportTests extends ApiTest {

	private static final String CUSTOMERS = "code,name,email,phone,address,taxNumber,notes,creditAllowed,creditLimit\r\n";

	private static final String ITEMS = "sku,name,description,barcode,category,price,cost,trackStock\n";

	private Uploads uploads;

	@BeforeEach
	void uploads() {
		uploads = new Uploads(port(), ownerAuthorization(), api);
	}

	@Test
	void theDryRunNamesEachBadRowByLineAndColumnAndWritesNothing() {
		String name = uniqueName("Dry");
		JsonNode existing = customer(api, uniqueName("Known"));
		String code = existing.path("code").asString();
		String csv = CUSTOMERS
				+ ",\"" + name + " one\",one@example.com,,,,,false,\r\n"
				+ "," + name + " two,not-an-email,,,,,maybe,12.5x\r\n"
				+ "C999999," + name + " three,,,,,,,\r\n"
				+ code + ",,,,,,,,\r\n"
				+ "," + name + " short\r\n"
				+ code + "," + name + " again,,,,,,,\r\n";
		Api.Response preview = uploads.preview("customers", csv);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		JsonNode answer = preview.json();
		assertThat(answer.path("id").isNull()).isTrue();
		assertThat(answer.path("rows").asInt()).isEqualTo(6);
		assertThat(errors(answer)).containsExactly(
				"3 email is not an email address", "3 creditAllowed must be true or false",
				"3 creditLimit must be an amount such as 12.50",
				"4 code no customer has this code; leave it empty to create a new customer",
				"5 name is required", "6 - has 2 cells; the header has 9", "7 code is also on line 5");
		assertThat(api.get("/api/customers?q=" + Api.encode(name)).json().path("items").size()).isZero();
	}

	@Test
	void importCreatesNewCustomersAndUpdatesThoseMatchedByCodeEachAuditedWithTheJob() {
		JsonNode existing = customer(api, Map.of("name", uniqueName("Ann"), "phone", "111"));
		String code = existing.path("code").asString();
		String fresh = uniqueName("Fresh");
		String csv = CUSTOMERS + code + "," + existing.path("name").asString() + ",ann@example.com,222,,,,true,50\r\n"
				+ ",\"" + fresh + "\",,,\"1 High St, Town\",,\"'=not a formula\",,\r\n";
		JsonNode preview = uploads.preview("customers", csv).json();
		assertThat(preview.path("toCreate").asInt()).isEqualTo(1);
		assertThat(preview.path("toUpdate").asInt()).isEqualTo(1);
		assertThat(preview.path("sample").get(0).path("version").asLong()).isEqualTo(existing.path("version").asLong());
		long job = uploads.start(preview.path("id").asLong());
		JsonNode done = uploads.awaitDone(job);
		assertThat(done.path("created").asInt()).isEqualTo(1);
		assertThat(done.path("updated").asInt()).isEqualTo(1);

		JsonNode updated = api.get("/api/customers/" + existing.path("id").asLong()).json();
		assertThat(updated.path("phone").asString()).isEqualTo("222");
		assertThat(updated.path("email").asString()).isEqualTo("ann@example.com");
		assertThat(updated.path("creditLimit").asString()).isEqualTo("50.00");
		JsonNode created = api.get("/api/customers?q=" + Api.encode(fresh)).json().path("items").get(0);
		assertThat(created.path("address").asString()).isEqualTo("1 High St, Town");
		assertThat(created.path("notes").asString()).isEqualTo("=not a formula");

		JsonNode update = entry("customer.update", existing.path("id").asLong());
		assertThat(update.path("changes").path("importJob").asLong()).isEqualTo(job);
		assertThat(update.path("changes").path("requestedBy").asString()).isEqualTo("admin");
		assertThat(update.path("changes").path("phone").path("from").asString()).isEqualTo("111");
		assertThat(update.path("changes").path("phone").path("to").asString()).isEqualTo("222");
		assertThat(entry("customer.create", created.path("id").asLong()).path("changes").path("importJob").asLong())
			.isEqualTo(job);
	}

	@Test
	void anExportedFileImportsBackAndChangesNothing() {
		JsonNode ann = customer(api, Map.of("name", uniqueName("Export Ann"), "email", "ann.export@example.com",
				"address", "2 Low St, \"Old\" Town", "notes", "=SUM(A1) is not a formula here"));
		item(api, uniqueName("Export tea"), "3.50");
		long exportsBefore = api.get("/api/audit?action=customer.export").json().path("items").size();

		for (String kind : List.of("customers", "items")) {
			Api.Response exported = api.get("/api/" + kind + "/export");
			assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
			assertThat(exported.header("Content-Type")).startsWith("text/csv");
			if (kind.equals("customers")) {
				assertThat(exported.body()).startsWith(CUSTOMERS).contains(ann.path("code").asString(),
						"\"2 Low St, \"\"Old\"\" Town\"", "'=SUM(A1)");
			}

			JsonNode preview = uploads.preview(kind, exported.body()).json();
			assertThat(preview.path("errorCount").asInt()).as(kind + ": " + preview).isZero();
			assertThat(preview.path("toCreate").asInt()).as(kind).isZero();
			JsonNode done = uploads.awaitDone(uploads.start(preview.path("id").asLong()));
			assertThat(done.path("updated").asInt()).as(kind + ": " + done).isZero();
			assertThat(done.path("created").asInt()).as(kind).isZero();
			assertThat(done.path("unchanged").asInt()).as(kind).isEqualTo(preview.path("toUpdate").asInt());
		}
		JsonNode again = api.get("/api/customers/" + ann.path("id").asLong()).json();
		assertThat(again.path("version").asLong()).isEqualTo(ann.path("version").asLong());
		assertThat(api.get("/api/audit?action=customer.export").json().path("items").size())
			.isEqualTo(exportsBefore + 1);
	}

	@Test
	void aCashierMayNotExportTheCustomersAndNothingIsAudited() {
		long exportsBefore = api.get("/api/audit?action=customer.export").json().path("items").size();

		Api.Response refused = staffWithRole("Cashier").get("/api/customers/export");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("forbidden");
		assertThat(api.get("/api/audit?action=customer.export").json().path("items").size()).isEqualTo(exportsBefore);
	}

	@Test
	void aRecordEditedAfterThePreviewIsReportedAsAConflictAndKeepsTheEdit() {
		JsonNode existing = customer(api, uniqueName("Edited"));
		long id = existing.path("id").asLong();
		String code = existing.path("code").asString();
		JsonNode preview = uploads.preview("customers", CUSTOMERS + code + ",From the file,,,,,,,\r\n").json();
		Api.Response edit = api.put("/api/customers/" + id, Map.of("name", "Edited by hand"),
				"If-Match", "\"" + existing.path("version").asLong() + "\"");
		assertThat(edit.status()).as(edit.toString()).isEqualTo(200);

		JsonNode done = uploads.awaitDone(uploads.start(preview.path("id").asLong()));
		assertThat(done.path("conflicts").asInt()).isEqualTo(1);
		assertThat(done.path("updated").asInt()).isZero();
		assertThat(done.path("problems").get(0).path("line").asInt()).isEqualTo(2);
		assertThat(done.path("problems").get(0).path("detail").asString()).contains("changed since the preview");
		assertThat(api.get("/api/customers/" + id).json().path("name").asString()).isEqualTo("Edited by hand");
	}

	@Test
	void undoPutsUpdatedItemsBackAndTakesAwayTheCreatedOnes() {
		JsonNode existing = item(api, uniqueName("Kept"), "4.00");
		String sku = existing.path("sku").asString();
		String newSku = "IMP-" + System.nanoTime();
		String soldSku = "IMP-SOLD-" + System.nanoTime();
		String csv = ITEMS + sku + "," + existing.path("name").asString() + ",,,,5.50,,false\n"
				+ newSku + ",New from file,,,Tea,2.00,1.00,false\n"
				+ soldSku + ",Sold after import,,,Tea,3.00,,false\n";
		long job = uploads.start("items", csv);
		assertThat(uploads.awaitDone(job).path("created").asInt()).isEqualTo(2);
		assertThat(api.get("/api/items/" + existing.path("id").asLong()).json().path("price").asString()).isEqualTo("5.50");
		long soldId = itemId(soldSku);
		long newId = itemId(newSku);
		sold(api, null, "CASH", line(soldId, 1));

		Api.Response undo = api.post("/api/import-jobs/" + job + "/undo", Map.of("reason", "wrong price list"));
		assertThat(undo.status()).as(undo.toString()).isEqualTo(202);
		long undoJob = undo.json().path("id").asLong();
		JsonNode undone = uploads.awaitDone(undoJob);
		assertThat(undone.path("updated").asInt()).isEqualTo(1);
		assertThat(undone.path("removed").asInt()).isEqualTo(2);
		assertThat(undone.path("undoOf").asLong()).isEqualTo(job);
		assertThat(api.get("/api/items/" + existing.path("id").asLong()).json().path("price").asString()).isEqualTo("4.00");
		assertThat(api.get("/api/items/" + newId).json().path("status").asString()).isEqualTo("DELETED");
		assertThat(api.get("/api/items/" + soldId).json().path("status").asString()).isEqualTo("INACTIVE");
		JsonNode deleted = entry("item.delete", newId);
		assertThat(deleted.path("reason").asString()).isEqualTo("wrong price list");
		assertThat(deleted.path("changes").path("importJob").asLong()).isEqualTo(undoJob);
		assertThat(deleted.path("changes").path("undoOf").asLong()).isEqualTo(job);

		Api.Response again = api.post("/api/import-jobs/" + job + "/undo", Map.of("reason", "twice"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).contains("already undone");
	}

	@Test
	void aCheckedFileStartsOnceOnly() {
		JsonNode preview = uploads.preview("items", ITEMS + "ONCE-" + System.nanoTime() + ",Once,,,,1.00,,false\n").json();
		uploads.start(preview.path("id").asLong());
		Api.Response again = api.post("/api/import-jobs/" + preview.path("id").asLong() + "/start", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("invalid-transition");
	}

	@Test
	void aCashierMayNotImport() {
		Api cashier = staffWithRole("Cashier");
		Api.Response refused = cashier.raw("POST", "/api/customers/import", CUSTOMERS + ",Sneaky,,,,,,,\r\n", "text/csv");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("forbidden");
		assertThat(api.get("/api/customers?q=Sneaky").json().path("items").size()).isZero();
	}

	private static List<String> errors(JsonNode preview) {
		List<String> errors = new ArrayList<>();
		preview.path("errors").forEach(error -> errors.add(error.path("line").asInt() + " "
				+ (error.path("column").isNull() ? "-" : error.path("column").asString()) + " "
				+ error.path("message").asString()));
		return errors;
	}

	private JsonNode entry(String action, long recordId) {
		String kind = action.substring(0, action.indexOf('.'));
		return api.get("/api/audit?action=" + action + "&recordKind=" + kind + "&recordId=" + recordId).json()
			.path("items").get(0);
	}

	private long itemId(String sku) {
		return api.get("/api/items?q=" + Api.encode(sku)).json().path("items").get(0).path("id").asLong();
	}

}
