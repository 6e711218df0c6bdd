package org.backroom.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Audit entries as RFC 4180 CSV: one header line, then a line per entry, CRLF line ends. A field with a comma,
 * a quote or a line break is quoted with its quotes doubled, so names like {@code Smith, "Jo"} come back intact;
 * the text is written as it is (UTF-8 by the response), and {@code changes} as its JSON.
 */
final class AuditCsv {

	private static final String[] HEADER = { "id", "at", "actor", "action", "recordKind", "recordId", "reason",
			"changes", "requestId", "address" };

	private final Writer out;

	AuditCsv(Writer out) {
		this.out = out;
	}

	void header() {
		line(HEADER);
	}

	void row(AuditEntry entry) {
		line(String.valueOf(entry.id()), entry.at().toString(), entry.actor(), entry.action(), entry.recordKind(),
				entry.recordId() == null ? null : String.valueOf(entry.recordId()), entry.reason(), entry.changes(),
				entry.requestId(), entry.address());
	}

	void flush() {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void line(@Nullable String... fields) {
		try {
			out.write(Arrays.stream(fields).map(AuditCsv::field).collect(Collectors.joining(",", "", "\r\n")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String field(@Nullable String value) {
		if (value == null) {
			return "";
		}
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0;
		return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}
