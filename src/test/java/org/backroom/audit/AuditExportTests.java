package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@BackroomTest
class AuditExportTests extends ApiTest {

	private static final List<String> HEADER = List.of("id", "at", "actor", "action", "recordKind", "recordId",
			"reason", "changes", "requestId", "address", "chainSeq", "payloadHash", "prevHash", "hash", "erased", "payload");

	@Test
	void exportsNamesWithCommasQuotesLineBreaksAndAccentsAsCsvThatReadsBack() {
		AuditClient audit = new AuditClient(api);
		String name = "Zoë \"Jo\" Smith, Ünal\r\nsecond line 東京 " + AuditClient.unique("csv");
		long id = audit.customer(Map.of("name", name)).path("id").asLong();
		String reason = "Said \"bye\", moved;\nnew line, 😀 café";
		api.post("/api/customers/" + id + "/deactivate", Map.of("reason", reason));

		var export = api.get("/api/audit/export?recordKind=customer&recordId=" + id);

		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		List<List<String>> rows = parse(export.body());
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).isEqualTo(HEADER);
		List<String> created = rows.get(1);
		List<String> deactivated = rows.get(2);
		assertThat(created.get(3)).isEqualTo("customer.create");
		assertThat(created.get(5)).isEqualTo(String.valueOf(id));
		assertThat(JsonMapper.builder().build().readTree(created.get(7)).path("name").asString()).isEqualTo(name);
		assertThat(deactivated.get(3)).isEqualTo("customer.deactivate");
		assertThat(deactivated.get(6)).isEqualTo(reason);
		assertThat(Long.parseLong(deactivated.get(0))).isGreaterThan(Long.parseLong(created.get(0)));
	}

	@Test
	void exportsATimeRangeOldestFirst() {
		AuditClient audit = new AuditClient(api);
		audit.customer(Map.of("name", AuditClient.unique("Range")));
		var export = api.get("/api/audit/export?from=2000-01-01&to=2999-01-01&action=customer.create");

		List<List<String>> rows = parse(export.body());
		assertThat(rows.size()).isGreaterThan(1);
		List<Long> ids = rows.subList(1, rows.size()).stream().map(row -> Long.parseLong(row.get(0))).toList();
		assertThat(ids).isSorted();
		assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("customer.create"));
	}

	/** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
	private static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		assertThat(quoted).as("CSV ends inside a quoted field").isFalse();
		assertThat(field).as("CSV ends without CRLF").isEmpty();
		return rows;
	}

}
