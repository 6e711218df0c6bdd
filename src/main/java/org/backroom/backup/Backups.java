package org.backroom.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;
import java.time.Duration;

import org.backroom.audit.AuditTrail;
import org.backroom.platform.DataSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup directory: taking a backup (written beside its final name, then moved into place, so a file that is
 * listed is always whole), listing, opening and pruning them. Every backup is audited.
 */
@Service
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private final DataSource dataSource;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final BackupSettings settings;

	private final Path directory;

	Backups(DataSource dataSource, AuditTrail audit, TransactionTemplate transaction, BackupSettings settings,
			DataSettings data) {
		this.dataSource = dataSource;
		this.audit = audit;
		this.transaction = transaction;
		this.settings = settings;
		this.directory = settings.directory(data);
	}

	/** Takes a backup now, for the signed-in user. */
	@PreAuthorize("@permissions.require('backup.manage')")
	public BackupFile takeNow() {
		return take("request");
	}

	/** The backups on disk, newest first. */
	@PreAuthorize("@permissions.require('backup.manage')")
	public List<BackupFile> list() {
		return files();
	}

	/** One backup, by name; empty when there is none of that name. Opening one for download is audited. */
	@PreAuthorize("@permissions.require('backup.manage')")
	Optional<BackupFile> download(String name) {
		Optional<BackupFile> file = files().stream().filter(backup -> backup.name().equals(name)).findFirst();
		file.ifPresent(backup -> transaction.executeWithoutResult(status -> audit.record("backup.download", "backup",
				null, null, Map.of("name", backup.name(), "size", backup.size()))));
		return file;
	}

	/** Takes a backup: {@code trigger} says why ({@code schedule} or {@code request}), for the audit trail. */
	BackupFile take(String trigger) {
		Instant started = Instant.now();
		String name = BackupFile.nameFor(started);
		Path part = directory.resolve(name + ".part");
		try {
			Files.createDirectories(directory);
			Written written = writeSnapshot(part);
			force(part);
			Path target = directory.resolve(name);
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
			Files.writeString(directory.resolve(name + ".sha256"), written.sha256() + "  " + name + "\n",
					StandardCharsets.UTF_8);
			BackupFile backup = new BackupFile(name, Files.size(target), started, target);
			Manifest manifest = written.manifest();
			long rows = manifest.tables().stream().mapToLong(Manifest.TableDump::rows).sum();
			log.info("Backup {} written: {} tables, {} rows, {} in {} ms", target, manifest.tables().size(), rows,
					backup.sizeInWords(), Duration.between(started, Instant.now()).toMillis());
			recordInAudit(backup, manifest, written.sha256(), rows, trigger);
			prune();
			return backup;
		}
		catch (IOException | SQLException ex) {
			log.error("Backup {} failed", name, ex);
			deleteQuietly(part);
			throw new BackupFailed(directory, ex);
		}
	}

	/** A snapshot as written: what it holds and the SHA-256 of its bytes. */
	private record Written(Manifest manifest, String sha256) {
	}

	/** Writes a snapshot of the store into a new file, digesting its bytes as they go. */
	private Written writeSnapshot(Path part) throws IOException, SQLException {
		try (OutputStream file = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW);
				Connection connection = dataSource.getConnection()) {
			MessageDigest digest = SnapshotWriter.sha256();
			Manifest manifest = SnapshotWriter.write(connection, new DigestOutputStream(file, digest));
			return new Written(manifest, HexFormat.of().formatHex(digest.digest()));
		}
	}

	private void recordInAudit(BackupFile backup, Manifest manifest, String sha256, long rows, String trigger) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("name", backup.name());
		facts.put("size", backup.size());
		facts.put("sha256", sha256);
		facts.put("schemaVersion", manifest.flywayVersion());
		facts.put("tables", manifest.tables().size());
		facts.put("rows", rows);
		facts.put("trigger", trigger);
		transaction.executeWithoutResult(status -> audit.record("backup.create", "backup", null, null, facts));
	}

	/** Keeps the newest {@code backroom.backup.keep} backups and removes the others with their checksums. */
	void prune() throws IOException {
		List<BackupFile> all = files();
		for (BackupFile old : all.subList(Math.min(all.size(), Math.max(1, settings.keep())), all.size())) {
			Files.deleteIfExists(old.path());
			Files.deleteIfExists(directory.resolve(old.name() + ".sha256"));
			log.info("Removed old backup {}", old.path());
		}
	}

	private List<BackupFile> files() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<BackupFile> files = new ArrayList<>();
		try (Stream<Path> listing = Files.list(directory)) {
			for (Path path : (Iterable<Path>) listing::iterator) {
				String name = path.getFileName().toString();
				Optional<Instant> at = BackupFile.startedAt(name);
				if (at.isPresent() && Files.isRegularFile(path)) {
					files.add(new BackupFile(name, Files.size(path), at.get(), path));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort(Comparator.comparing(BackupFile::name).reversed());
		return files;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not remove the unfinished backup {}", file, ex);
		}
	}

	/** The file's bytes are on disk before it gets its name: a crash never leaves a truncated backup listed. */
	private static void force(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

}
