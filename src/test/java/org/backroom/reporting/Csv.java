package org.backroom.reporting;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: reads back what the exports write, and fails on anything malformed. */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text) {
		List<List<String>> lines = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' && field.isEmpty()) {
				int end = i + 1;
				while (true) {
					int quote = text.indexOf('"', end);
					if (quote < 0) {
						throw new IllegalArgumentException("Unterminated quoted field at " + i);
					}
					if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
						field.append(text, end, quote + 1);
						end = quote + 2;
						continue;
					}
					field.append(text, end, quote);
					i = quote + 1;
					break;
				}
				char next = i < text.length() ? text.charAt(i) : '\r';
				if (next != ',' && next != '\r') {
					throw new IllegalArgumentException("Text after a closing quote at " + i);
				}
				continue;
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				fields.add(field.toString());
				field.setLength(0);
				lines.add(fields);
				fields = new ArrayList<>();
				i += 2;
			}
			else if (c == '"' || c == '\n' || c == '\r') {
				throw new IllegalArgumentException("Unquoted " + (int) c + " at " + i);
			}
			else {
				field.append(c);
				i++;
			}
		}
		if (!field.isEmpty() || !fields.isEmpty()) {
			throw new IllegalArgumentException("The last line does not end with CRLF");
		}
		return lines;
	}

}
