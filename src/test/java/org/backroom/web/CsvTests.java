package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTests {

	private static String csv(Object... cells) {
		StringWriter out = new StringWriter();
		Csv csv = Csv.to(out);
		csv.row(cells);
		csv.finish();
		return out.toString();
	}

	@Test
	void quotesCellsOnlyWhenTheyNeedItAndEndsLinesWithCrLf() {
		assertThat(csv("plain café", "Smith, \"Jo\"", "two\nlines", null, ""))
			.isEqualTo("plain café,\"Smith, \"\"Jo\"\"\",\"two\nlines\",,\r\n");
		assertThat(csv("a", null)).as("an empty last cell keeps its column").isEqualTo("a,\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "+1+1", "-2+3+cmd|' /C calc'!A0",
			"\tTAB", "\r=1", "＝1+1", "-12.50" })
	void prefixesATextCellThatASpreadsheetWouldRunAsAFormula(String text) {
		assertThat(Csv.cell(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ann Lee", "a=b", "1+1", "'quoted already", "" })
	void leavesOtherTextAsItIs(String text) {
		assertThat(Csv.cell(text)).isEqualTo(text);
	}

	@Test
	void writesNumbersAsNumbersSoThatNegativeAmountsAddUp() {
		assertThat(csv(new BigDecimal("-12.50"), -3L, new BigDecimal("1E+3"))).isEqualTo("-12.50,-3,1000\r\n");
	}

	@Test
	void quotesANeutralisedCellThatHoldsAQuote() {
		assertThat(csv("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
	}

	@Test
	void leavesTheWriterOpenForTheResponse() {
		StringWriter out = new StringWriter();
		Csv.to(out).row("a").finish();
		out.write("still open");
		assertThat(out.toString()).isEqualTo("a\r\nstill open");
	}

}
