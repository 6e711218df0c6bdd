package org.backroom.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads RFC 4180 CSV (quoted cells, doubled quotes, line breaks inside quotes) into rows keyed by the header. */
final class CsvRows {

	private CsvRows() {
	}

	static List<Map<String, String>> parse(String csv) {
		List<List<String>> lines = lines(csv);
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("the trail is empty: not even a header");
		}
		List<String> header = lines.get(0);
		for (String column : List.of("id", "chainSeq", "payloadHash", "prevHash", "hash", "erased", "payload")) {
			if (!header.contains(column)) {
				throw new IllegalArgumentException("the trail has no " + column + " column: export it from "
						+ "/api/audit/export");
			}
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> line : lines.subList(1, lines.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), i < line.size() ? line.get(i) : "");
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<List<String>> lines(String csv) {
		List<List<String>> lines = new ArrayList<>();
		List<String> line = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (c == '"') {
				i = quoted(csv, i + 1, cell);
			}
			else if (c == ',') {
				line.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
					i++;
				}
				line.add(cell.toString());
				cell.setLength(0);
				lines.add(line);
				line = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !line.isEmpty()) {
			line.add(cell.toString());
			lines.add(line);
		}
		return lines;
	}

	/**
	 * Appends the quoted text that starts at {@code start} ({@code ""} is one quote) and returns the index of the
	 * closing quote, or the end of the text when there is none.
	 */
	private static int quoted(String csv, int start, StringBuilder cell) {
		int i = start;
		while (i < csv.length()) {
			char c = csv.charAt(i);
			if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
				cell.append('"');
				i += 2;
			}
			else if (c == '"') {
				return i;
			}
			else {
				cell.append(c);
				i++;
			}
		}
		return i;
	}

}
