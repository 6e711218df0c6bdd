package org.backroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backroom.support.StoreRecords.customer;
import static org.backroom.support.StoreRecords.item;
import static org.backroom.support.StoreRecords.line;
import static org.backroom.support.StoreRecords.sold;
import static org.backroom.support.StoreRecords.uniqueWord;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A customer named like a spreadsheet formula reaches every CSV export as text that starts with a single quote,
 * so that opening the file never runs it (OWASP's advice on CSV injection).
 */
@BackroomTest
class CsvFormulaTests extends ApiTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)" })
	void aFormulaNameIsNeutralisedInTheSalesReport(String formula) {
		long customerId = customer(api, formula).path("id").asLong();
		sold(api, customerId, "CASH", line(item(api, "Formula tea " + uniqueWord(), "2.00").path("id").asLong(), 1));

		Api.Response export = api.get("/api/reports/sales-by-customer?format=csv");

		assertThat(export.status()).as("%s", export).isEqualTo(200);
		List<String> row = Csv.parse(export.body())
			.stream()
			.filter(line -> line.get(0).equals(String.valueOf(customerId)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line for customer " + customerId + " in " + export.body()));
		assertThat(row.get(2)).isEqualTo("'" + formula);
		assertThat(row.get(6)).as("an amount stays a number").isEqualTo("2.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)" })
	void aFormulaNameAndReasonAreNeutralisedInTheAuditExport(String formula) {
		long customerId = customer(api, formula).path("id").asLong();
		api.post("/api/customers/" + customerId + "/deactivate", Map.of("reason", formula));

		Api.Response export = api.get("/api/audit/export?recordKind=customer&recordId=" + customerId);

		assertThat(export.status()).as("%s", export).isEqualTo(200);
		List<List<String>> lines = Csv.parse(export.body());
		assertThat(lines).hasSize(3);
		List<String> deactivated = lines.get(2);
		assertThat(deactivated.get(3)).isEqualTo("customer.deactivate");
		assertThat(deactivated.get(6)).isEqualTo("'" + formula);
		assertThat(lines).allSatisfy(cells -> assertThat(cells)
			.noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0));
	}

}
