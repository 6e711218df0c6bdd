package org.backroom.web;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The one CSV writer of every export: RFC 4180 (CRLF line ends; a cell with a comma, a quote or a line break
 * quoted, its quotes doubled) written by Jackson's CSV module line by line as rows arrive, and safe to open in a
 * spreadsheet.
 * <p>
 * <b>Formula cells are neutralised</b> as OWASP recommends for CSV injection: a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (or the full-width {@code ＝ ＋ － ＠}
 * some spreadsheets also read as formulas) is written with a single quote {@code '} before it, so a customer named
 * {@code =HYPERLINK(…)} shows as that text and never runs. Numbers are the one exception, decided by type, not by
 * look: a cell given as a {@link Number} (an amount, a count, an id) is written as the number it is, so
 * {@code -12.50} stays a negative amount a spreadsheet can add up. A text cell that merely looks like a number
 * ({@code "-5"} as a name) is text, and is prefixed like any other.
 */
public final class Csv {

	private static final CsvMapper MAPPER = CsvMapper.builder()
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		.build();

	private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

	private final SequenceWriter rows;

	private Csv(SequenceWriter rows) {
		this.rows = rows;
	}

	/** A CSV on this writer (a response's, whose content type says UTF-8); flushing it never closes the writer. */
	public static Csv to(Writer out) {
		return new Csv(MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(new Unclosable(out)));
	}

	/** One line: text cells neutralised, numbers as numbers, null as an empty cell. */
	public Csv row(@Nullable Object... cells) {
		String[] line = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			// Never null in the array: the CSV module drops a null last cell, and a line must keep every column.
			String cell = cell(cells[i]);
			line[i] = cell != null ? cell : "";
		}
		rows.write(line);
		return this;
	}

	/** Ends the file: sends what is buffered to the writer, which stays open. */
	public void finish() {
		rows.close();
	}

	/** A cell's text as the file holds it (before any quoting): what a spreadsheet is given. */
	public static @Nullable String cell(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		String text = value.toString();
		return startsAFormula(text) ? "'" + text : text;
	}

	private static boolean startsAFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> true;
			default -> false;
		};
	}

	/** Lets the sequence writer close (which flushes it) without closing the response under it. */
	private static final class Unclosable extends FilterWriter {

		Unclosable(Writer out) {
			super(out);
		}

		@Override
		public void close() {
			try {
				flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
