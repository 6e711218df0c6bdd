package org.backroom.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS)} of a path's main statements, inside a transaction that is rolled back
 * (a sale's inserts leave nothing), and names every sequential scan of a table with more than
 * {@link #LARGE_TABLE} rows: at scale, such a scan is what turns a 1 ms query into a 1 s one.
 */
final class PlanCheck {

	static final long LARGE_TABLE = 10_000;

	private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

	/** One statement with its parameters, as the path runs it. */
	record Statement(String sql, List<Object> params) {

		static Statement of(String sql, Object... params) {
			return new Statement(sql, List.of(params));
		}

	}

	/** The plans of one path, and the large tables it scanned sequentially. */
	record Plan(String path, String text, List<String> largeSeqScans) {
	}

	private PlanCheck() {
	}

	static Plan explain(Connection db, String path, List<Statement> statements) throws SQLException {
		StringBuilder text = new StringBuilder();
		List<String> scans = new ArrayList<>();
		db.setAutoCommit(false);
		try {
			for (Statement statement : statements) {
				text.append("-- ").append(statement.sql().strip().replaceAll("\\s+", " ")).append('\n');
				try (var explain = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
					for (int i = 0; i < statement.params().size(); i++) {
						explain.setObject(i + 1, statement.params().get(i));
					}
					try (var rs = explain.executeQuery()) {
						while (rs.next()) {
							String line = rs.getString(1);
							text.append(line).append('\n');
							Matcher scan = SEQ_SCAN.matcher(line);
							// A branch the statement did not need (a guarded fallback) costs nothing: "(never executed)".
							if (scan.find() && !line.contains("(never executed)") && rows(db, scan.group(1)) > LARGE_TABLE) {
								scans.add(scan.group(1));
							}
						}
					}
				}
				text.append('\n');
			}
		}
		finally {
			db.rollback();
			db.setAutoCommit(true);
		}
		return new Plan(path, text.toString(), scans);
	}

	private static long rows(Connection db, String table) throws SQLException {
		try (var statement = db.prepareStatement("SELECT greatest(reltuples, 0)::bigint FROM pg_class "
				+ "WHERE relname = ? AND relkind IN ('r', 'p', 'm')")) {
			statement.setString(1, table);
			try (var rs = statement.executeQuery()) {
				return rs.next() ? rs.getLong(1) : 0;
			}
		}
	}

}
