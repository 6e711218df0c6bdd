package org.backroom.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV, written line by line as rows arrive: CRLF line ends, and a field holding a comma, a quote or a line
 * break quoted with its quotes doubled, so that {@code Smith, "Jo"} and names over two lines come back intact. The
 * text goes out as it is; the response's UTF-8 carries any script.
 */
final class CsvWriter {

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	void line(@Nullable Object... fields) {
		try {
			for (int i = 0; i < fields.length; i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(field(fields[i]));
			}
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void flush() {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String field(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
