package org.backroom.backup;

import java.util.List;
import java.util.Map;

/**
 * What a backup file holds, written as {@code manifest.json} beside one entry per table: enough to rebuild the store
 * (the schema version to migrate to, each table's columns, every sequence's value) and to prove the rebuild (each
 * table's row count, sums of its numeric columns and the SHA-256 of its data).
 *
 * @param formatVersion the layout of the file; a restore refuses a format it does not know
 * @param flywayVersion the schema version of the store when it was backed up
 * @param tables in dependency order: a table comes after every table it refers to
 */
record Manifest(int formatVersion, String product, String createdAt, String flywayVersion, String serverVersion,
		String tableFormat, List<TableDump> tables, List<SequenceValue> sequences) {

	static final int FORMAT_VERSION = 1;

	static final String ENTRY = "manifest.json";

	/** PostgreSQL's COPY text format: readable, and portable across server versions (17 embedded to 15 managed). */
	static final String TEXT_FORMAT = "postgresql-copy-text";

	/**
	 * One table's data.
	 *
	 * @param entry the ZIP entry with its rows
	 * @param columns the columns copied, in order (generated columns are left out: the database computes them)
	 * @param sums the sum of each numeric column, as text (exact), for checking a restore
	 */
	record TableDump(String name, String entry, List<String> columns, long rows, Map<String, String> sums,
			String sha256) {
	}

	record SequenceValue(String name, long lastValue, boolean isCalled) {
	}

}
