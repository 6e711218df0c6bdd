package org.backroom.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.backroom.backup.Manifest.SequenceValue;
import org.backroom.backup.Manifest.TableDump;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the store as one ZIP: each table's rows as PostgreSQL's COPY text format, then the manifest. Everything is
 * read in one REPEATABLE READ READ ONLY transaction, so the file is one consistent moment of the store while sales
 * go on (PostgreSQL's MVCC: the snapshot neither blocks writers nor waits for them).
 */
final class SnapshotWriter {

	static final String FLYWAY_TABLE = "flyway_schema_history";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SnapshotWriter() {
	}

	/** Writes the snapshot to {@code out} (left open) and answers its manifest. */
	static Manifest write(Connection connection, OutputStream out) throws SQLException, IOException {
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		try {
			fixSessionFormats(connection);
			Manifest manifest = copy(connection, new ZipOutputStream(new KeptOpen(out)));
			connection.commit();
			return manifest;
		}
		finally {
			connection.rollback();
		}
	}

	private static Manifest copy(Connection connection, ZipOutputStream zip) throws SQLException, IOException {
		StoreSchema schema = new StoreSchema(connection);
		// The first statement fixes the snapshot; sequences are read after it, so each is at least at the value
		// of every row the snapshot sees (sequences are not transactional).
		String createdAt = Instant.now().toString();
		String isolation = single(connection, "SHOW transaction_isolation");
		if (!"repeatable read".equals(isolation) || !"on".equals(single(connection, "SHOW transaction_read_only"))) {
			throw new IllegalStateException("A backup needs a REPEATABLE READ READ ONLY transaction, not " + isolation);
		}
		String flywayVersion = single(connection, "SELECT version FROM " + FLYWAY_TABLE
				+ " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
		List<SequenceValue> sequences = new ArrayList<>();
		for (String sequence : schema.sequences()) {
			sequences.add(sequence(connection, sequence));
		}
		List<TableDump> tables = dumpTables(connection, schema, zip);
		Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "Backroom", createdAt, flywayVersion,
				single(connection, "SHOW server_version"), Manifest.TEXT_FORMAT, tables, sequences);
		zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
		zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.closeEntry();
		zip.finish();
		return manifest;
	}

	/** Each table's rows as COPY text, one zip entry each, with their count, sums and digest. */
	private static List<TableDump> dumpTables(Connection connection, StoreSchema schema, ZipOutputStream zip)
			throws SQLException, IOException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		List<TableDump> tables = new ArrayList<>();
		for (StoreSchema.Table table : schema.tables()) {
			String entry = "tables/" + table.name() + ".copy";
			zip.putNextEntry(new ZipEntry(entry));
			MessageDigest sha256 = sha256();
			long rows = copy.copyOut("COPY (SELECT " + StoreSchema.columnList(table.columns()) + " FROM "
					+ StoreSchema.quote(table.name()) + ") TO STDOUT", new DigestOutputStream(new KeptOpen(zip), sha256));
			zip.closeEntry();
			tables.add(new TableDump(table.name(), entry, table.columns(), rows, schema.sums(table),
					HexFormat.of().formatHex(sha256.digest())));
		}
		return tables;
	}

	/**
	 * COPY's text form of dates, intervals, floats and bytes follows session settings; both ends of a backup use
	 * these, whatever the server's defaults, so what is written is read back as the same value.
	 */
	static void fixSessionFormats(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';"
					+ " SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'");
		}
	}

	private static SequenceValue sequence(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT last_value, is_called FROM " + StoreSchema.quote(name));
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return new SequenceValue(name, rs.getLong(1), rs.getBoolean(2));
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("No answer to " + sql);
			}
			return rs.getString(1);
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A stream whose close leaves the one below open: the ZIP and its caller close their own. */
	private static final class KeptOpen extends FilterOutputStream {

		KeptOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
