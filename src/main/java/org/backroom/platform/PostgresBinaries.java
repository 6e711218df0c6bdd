package org.backroom.platform;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries from Maven Central (zonky's binary jars), unpacked once into a folder named for the
 * archive's digest. We take only the binaries from the embedded library: its server lifecycle is made for throw-away
 * test databases (fsync off, inherited environment, no restart), so {@link EmbeddedServer} runs them itself.
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	/** The folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacked if it is not there yet. */
	static Path home() throws IOException {
		byte[] archive = archive();
		Path root = Path.of(System.getProperty("java.io.tmpdir"), "backroom-postgres");
		Path home = root.resolve(digest(archive));
		if (Files.isExecutable(home.resolve("bin").resolve("pg_ctl"))) {
			return home;
		}
		Files.createDirectories(root);
		// Unpack beside it and move into place in one step, so that a second process never sees half a folder.
		Path unpacking = Files.createTempDirectory(root, "unpacking-");
		unpack(archive, unpacking);
		try {
			Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			EmbeddedServer.deleteTree(unpacking);
		}
		catch (IOException ex) {
			if (!Files.isDirectory(home)) {
				throw ex;
			}
			EmbeddedServer.deleteTree(unpacking);
		}
		return home;
	}

	private static byte[] archive() throws IOException {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String system = os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
		String arch = System.getProperty("os.arch");
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system,
				"amd64".equals(arch) ? "x86_64" : arch)) {
			return in.readAllBytes();
		}
	}

	private static String digest(byte[] archive) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void unpack(byte[] archive, Path target) throws IOException {
		try (var tar = new TarArchiveInputStream(new XZInputStream(
				new BufferedInputStream(new ByteArrayInputStream(archive))))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Refusing an archive entry outside the folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				if (entry.isSymbolicLink() || entry.isLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.copy(tar, path);
					if ((entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*")) {
						path.toFile().setExecutable(true);
					}
				}
			}
		}
	}

}
