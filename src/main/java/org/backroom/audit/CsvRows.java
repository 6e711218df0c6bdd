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
		Lines lines = new Lines();
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (c == '"') {
				i = quoted(csv, i + 1, lines.cell);
			}
			else if (c == ',') {
				lines.endCell();
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
					i++;
				}
				lines.endLine();
			}
			else {
				lines.cell.append(c);
			}
		}
		return lines.finish();
	}

	/** The lines read so far, and the line and cell being read. */
	private static final class Lines {

		private final List<List<String>> read = new ArrayList<>();

		private List<String> line = new ArrayList<>();

		private final StringBuilder cell = new StringBuilder();

		void endCell() {
			line.add(cell.toString());
			cell.setLength(0);
		}

		void endLine() {
			endCell();
			read.add(line);
			line = new ArrayList<>();
		}

		/** Every line, the last one too when the text does not end with a line break. */
		List<List<String>> finish() {
			if (cell.length() > 0 || !line.isEmpty()) {
				endLine();
			}
			return read;
		}

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
