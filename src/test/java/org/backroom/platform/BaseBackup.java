package org.backroom.platform;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A physical copy of a running embedded server's cluster, taken the way PostgreSQL's low-level backup API asks
 * (there is no {@code pg_basebackup} among the embedded binaries): {@code pg_backup_start} on one connection, a copy
 * of the files while the server keeps running, then {@code pg_backup_stop}, whose {@code labelfile} becomes the
 * copy's {@code backup_label}. The copy holds no WAL: a standby started on it streams what it needs from the primary.
 */
final class BaseBackup {

	/** Directories whose contents a backup leaves out (PostgreSQL's documentation lists them); the folders stay. */
	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	/** Files of the running server that must not be in a copy (a copied postmaster.pid would claim a live server). */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "standby.signal", "recovery.signal");

	private BaseBackup() {
	}

	/** Copies the primary's cluster into {@code target} (which must not exist yet), consistent once WAL is replayed. */
	static void copy(EmbeddedServer primary, Path target) throws IOException, SQLException {
		String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + "/postgres";
		// One connection from start to stop: a non-exclusive backup ends when its session does.
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_backup_start('backroom-standby', true)");
			copyTree(primary.dataDirectory(), target);
			// false: this server archives no WAL, so there is nothing to wait for; the standby streams it instead.
			try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
				stop.next();
				Files.writeString(target.resolve("backup_label"), stop.getString("labelfile"));
				String spcmap = stop.getString("spcmapfile");
				if (spcmap != null && !spcmap.isEmpty()) {
					Files.writeString(target.resolve("tablespace_map"), spcmap);
				}
			}
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				// COPY_ATTRIBUTES keeps the modes PostgreSQL insists on (0700 for the cluster's directory).
				Files.copy(dir, target.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				boolean emptied = dir.getParent() != null && dir.getParent().equals(source)
						&& EMPTIED.contains(dir.getFileName().toString());
				return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				String name = file.getFileName().toString();
				boolean leftOut = file.getParent().equals(source) && LEFT_OUT.contains(name)
						|| name.startsWith("pgsql_tmp");
				if (!leftOut) {
					try {
						Files.copy(file, target.resolve(source.relativize(file).toString()),
								StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (NoSuchFileException ex) {
						// Removed by the running server while we copied (a temporary file): WAL replay does without it.
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
		Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
	}

}
