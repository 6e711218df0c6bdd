package org.backroom.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backroom.imports.ImportPreview.RowError;
import org.backroom.imports.ImportRefusals.UnreadableFile;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The dry run of a file: its header checked against the kind's columns, each row checked by the kind's own rules,
 * matched to an existing record by its key, and planned as a create or an update at the version it has now. Reads
 * only.
 */
@Component
class ImportPlanner {

	/** Keys per matching query. */
	private static final int MATCH_CHUNK = 10_000;

	/** What the dry run found: the rows to write, and the problems. */
	record Plan(List<ImportJobRows.NewRow> rows, List<RowError> errors, int total) {
	}

	/** A row read from the file, before it is matched. */
	private record Checked(int line, Map<String, @Nullable String> cells, @Nullable String key) {
	}

	Plan plan(ImportableKind kind, List<CsvFile.Record> records) {
		List<String> header = header(kind, records.get(0));
		if (records.size() == 1) {
			throw UnreadableFile.noRows();
		}
		List<RowError> errors = new ArrayList<>();
		List<Checked> checked = new ArrayList<>(records.size());
		Map<String, Integer> keyLines = new HashMap<>();
		for (CsvFile.Record record : records.subList(1, records.size())) {
			Checked row = check(kind, header, record, keyLines, errors);
			if (row != null) {
				checked.add(row);
			}
		}
		Map<String, ImportableKind.Match> matches = match(kind, checked);
		List<ImportJobRows.NewRow> rows = new ArrayList<>(checked.size());
		for (Checked row : checked) {
			ImportJobRows.NewRow planned = planned(kind, row, matches, errors);
			if (planned != null) {
				rows.add(planned);
			}
		}
		errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return new Plan(rows, errors, records.size() - 1);
	}

	/** The header's names in file order; refused unless they are exactly the kind's columns, in any order. */
	private static List<String> header(ImportableKind kind, CsvFile.Record record) {
		List<String> names = record.cells().stream().map(String::strip).toList();
		List<String> missing = kind.columns().stream().filter(column -> !names.contains(column)).toList();
		Set<String> seen = new HashSet<>();
		List<String> unknown = names.stream()
			.filter(name -> !kind.columns().contains(name) || !seen.add(name))
			.toList();
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw UnreadableFile.header(kind.columns(), missing, unknown);
		}
		return names;
	}

	private static @Nullable Checked check(ImportableKind kind, List<String> header, CsvFile.Record record,
			Map<String, Integer> keyLines, List<RowError> errors) {
		if (record.cells().size() != header.size()) {
			errors.add(new RowError(record.line(), null,
					"has " + record.cells().size() + " cells; the header has " + header.size()));
			return null;
		}
		Map<String, @Nullable String> cells = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String cell = record.cells().get(i);
			cells.put(header.get(i), cell.isEmpty() ? null : cell);
		}
		Map<String, String> problems = kind.check(cells);
		String key = Cells.text(cells, kind.keyColumn());
		if (key != null) {
			Integer earlier = keyLines.putIfAbsent(key, record.line());
			if (earlier != null) {
				problems.putIfAbsent(kind.keyColumn(), "is also on line " + earlier);
			}
		}
		if (!problems.isEmpty()) {
			// The kind's column order, so a row's errors read left to right as the file does.
			kind.columns().stream().filter(problems::containsKey)
				.forEach(column -> errors.add(new RowError(record.line(), column, problems.get(column))));
			return null;
		}
		return new Checked(record.line(), cells, key);
	}

	private static Map<String, ImportableKind.Match> match(ImportableKind kind, List<Checked> rows) {
		List<String> keys = rows.stream().map(Checked::key).filter(key -> key != null).map(String.class::cast).toList();
		Map<String, ImportableKind.Match> matches = new HashMap<>();
		for (int from = 0; from < keys.size(); from += MATCH_CHUNK) {
			matches.putAll(kind.match(keys.subList(from, Math.min(keys.size(), from + MATCH_CHUNK))));
		}
		return matches;
	}

	private static ImportJobRows.@Nullable NewRow planned(ImportableKind kind, Checked row,
			Map<String, ImportableKind.Match> matches, List<RowError> errors) {
		String key = row.key();
		ImportableKind.Match match = key == null ? null : matches.get(key);
		if (match == null) {
			if (key != null && !kind.createsWithKey()) {
				errors.add(new RowError(row.line(), kind.keyColumn(), "no " + kind.kind() + " has this " + kind.keyColumn()
						+ "; leave it empty to create a new " + kind.kind()));
				return null;
			}
			return new ImportJobRows.NewRow(row.line(), "CREATE", null, null, row.cells());
		}
		String closed = switch (match.status()) {
			case "DELETED" -> "is the " + kind.kind() + " in the trash; restore it first";
			case "MERGED" -> "is a " + kind.kind() + " merged into another; edit that one";
			case "ERASED" -> "is an erased " + kind.kind();
			default -> null;
		};
		if (closed != null) {
			errors.add(new RowError(row.line(), kind.keyColumn(), closed));
			return null;
		}
		return new ImportJobRows.NewRow(row.line(), "UPDATE", match.id(), match.version(), row.cells());
	}

}
