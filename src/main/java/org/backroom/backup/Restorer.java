package org.backroom.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Collections;

import org.backroom.backup.Manifest.SequenceValue;
import org.backroom.backup.Manifest.TableDump;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a store from a backup file into an empty database: Flyway creates the schema at the backup's version,
 * then one transaction empties what the migrations seeded, copies every table in dependency order, sets every
 * sequence and checks every table's rows and sums against the manifest. Any difference rolls it all back.
 */
final class Restorer {

	private static final Logger log = LoggerFactory.getLogger(Restorer.class);

	private Restorer() {
	}

	/** Restores {@code file} into the database Flyway is configured for; answers the rows restored. */
	static long restore(Path file, Flyway flyway) {
		long started = System.nanoTime();
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Manifest manifest = BackupReader.manifest(file, zip);
			refuseUnlessEmpty(dataSource, file);
			refuseUnlessKnown(flyway, manifest);
			Flyway.configure(flyway.getConfiguration().getClassLoader())
				.configuration(flyway.getConfiguration())
				.target(manifest.flywayVersion())
				.load()
				.migrate();
			long rows = loadAll(dataSource, zip, manifest);
			log.info("Restored {} ({} tables, {} rows, schema version {}, taken {}) in {} ms", file,
					manifest.tables().size(), rows, manifest.flywayVersion(), manifest.createdAt(),
					(System.nanoTime() - started) / 1_000_000);
			return rows;
		}
		catch (IOException | SQLException ex) {
			throw new RestoreRefused("Restoring " + file + " failed, nothing was restored: " + ex.getMessage(), ex);
		}
	}

	/** Loads every table in one transaction: the rows of a restore that fails part way are rolled back. */
	private static long loadAll(DataSource dataSource, ZipFile zip, Manifest manifest) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long rows = load(connection, zip, manifest);
				connection.commit();
				return rows;
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static void refuseUnlessEmpty(DataSource dataSource, Path file) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace
						AND relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY relname
						""");
				ResultSet rs = statement.executeQuery()) {
			List<String> found = new ArrayList<>();
			while (rs.next()) {
				found.add(rs.getString(1));
			}
			if (!found.isEmpty()) {
				throw new RestoreRefused("Refusing to restore " + file + ": the database "
						+ connection.getMetaData().getURL() + " is not empty (" + found.size() + " tables and sequences: "
						+ String.join(", ", found.subList(0, Math.min(5, found.size())))
						+ (found.size() > 5 ? ", …" : "") + "). Restore into an empty data directory (BACKROOM_DATA_DIR) "
						+ "or an empty database; nothing was changed.");
			}
		}
	}

	private static void refuseUnlessKnown(Flyway flyway, Manifest manifest) {
		boolean known = Arrays.stream(flyway.info().all())
			.anyMatch(migration -> migration.getVersion() != null
					&& migration.getVersion().getVersion().equals(manifest.flywayVersion()));
		if (!known) {
			throw new RestoreRefused("The backup's schema version " + manifest.flywayVersion() + " is unknown to this "
					+ "Backroom (a backup from a newer version?); nothing was changed.");
		}
	}

	private static long load(Connection connection, ZipFile zip, Manifest manifest) throws SQLException, IOException {
		SnapshotWriter.fixSessionFormats(connection);
		// The backup's rows come back as they were: the grants epoch (V67) too, though its roles are written after it.
		try (PreparedStatement restoring = connection.prepareStatement(
				"SELECT set_config('backroom.restoring', 'on', true)")) {
			restoring.execute();
		}
		StoreSchema schema = new StoreSchema(connection);
		List<StoreSchema.Table> tables = schema.tables();
		List<String> names = tables.stream().map(StoreSchema.Table::name).toList();
		List<String> expected = manifest.tables().stream().map(TableDump::name).toList();
		if (!names.stream().sorted().toList().equals(expected.stream().sorted().toList())) {
			throw new RestoreRefused("The schema at version " + manifest.flywayVersion() + " has the tables " + names
					+ " but the backup has " + expected);
		}
		emptySeededTables(connection, schema, tables);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		long rows = 0;
		for (TableDump table : manifest.tables()) {
			rows += copyIn(copy, zip, table);
		}
		for (SequenceValue sequence : manifest.sequences()) {
			try (PreparedStatement statement = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
				statement.setString(1, StoreSchema.quote(sequence.name()));
				statement.setLong(2, sequence.lastValue());
				statement.setBoolean(3, sequence.isCalled());
				statement.execute();
			}
		}
		verify(schema, tables, manifest);
		return rows;
	}

	/**
	 * The migrations seed rows (the walk-in customer, the built-in roles, Flyway's history): they are removed, children
	 * first, so the backup's own rows come back with their ids. Empty tables are left alone: the audit log refuses
	 * any DELETE, even of nothing.
	 */
	private static void emptySeededTables(Connection connection, StoreSchema schema, List<StoreSchema.Table> tables)
			throws SQLException {
		List<StoreSchema.Table> childrenFirst = new ArrayList<>(tables);
		Collections.reverse(childrenFirst);
		for (StoreSchema.Table table : childrenFirst) {
			if (schema.count(table.name()) > 0) {
				try (PreparedStatement statement = connection
					.prepareStatement("DELETE FROM " + StoreSchema.quote(table.name()))) {
					statement.execute();
				}
			}
		}
	}

	private static long copyIn(CopyManager copy, ZipFile zip, TableDump table) throws SQLException, IOException {
		var entry = zip.getEntry(table.entry());
		if (entry == null) {
			throw new RestoreRefused("The backup lacks the data of " + table.name() + " (" + table.entry() + ")");
		}
		MessageDigest sha256 = SnapshotWriter.sha256();
		long rows;
		// Explicit columns: identity values are written as they were (COPY takes them even for GENERATED ALWAYS),
		// generated columns are left for the database to compute.
		try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
			rows = copy.copyIn("COPY " + StoreSchema.quote(table.name()) + " ("
					+ StoreSchema.columnList(table.columns()) + ") FROM STDIN", in);
		}
		String digest = HexFormat.of().formatHex(sha256.digest());
		if (!digest.equals(table.sha256()) || rows != table.rows()) {
			throw new RestoreRefused("The data of " + table.name() + " is damaged: " + rows + " rows with SHA-256 "
					+ digest + ", the manifest says " + table.rows() + " rows with " + table.sha256());
		}
		return rows;
	}

	private static void verify(StoreSchema schema, List<StoreSchema.Table> tables, Manifest manifest)
			throws SQLException {
		for (TableDump expected : manifest.tables()) {
			StoreSchema.Table table = tables.stream().filter(t -> t.name().equals(expected.name())).findFirst()
				.orElseThrow();
			long count = schema.count(table.name());
			Map<String, String> sums = schema.sums(table);
			if (count != expected.rows() || !sums.equals(expected.sums())) {
				throw new RestoreRefused("After the restore " + table.name() + " has " + count + " rows with sums "
						+ sums + "; the backup has " + expected.rows() + " rows with sums " + expected.sums());
			}
		}
	}

}
