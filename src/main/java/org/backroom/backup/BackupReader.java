package org.backroom.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import tools.jackson.databind.json.JsonMapper;

/** Reads a backup file: its manifest, checked against the file's checksum when one lies beside it. */
final class BackupReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BackupReader() {
	}

	static Manifest manifest(Path file, ZipFile zip) throws IOException {
		verifyChecksum(file);
		ZipEntry entry = zip.getEntry(Manifest.ENTRY);
		if (entry == null) {
			throw new RestoreRefused(file + " is not a Backroom backup: it has no " + Manifest.ENTRY);
		}
		Manifest manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = JSON.readValue(in, Manifest.class);
		}
		if (manifest.formatVersion() != Manifest.FORMAT_VERSION || !Manifest.TEXT_FORMAT.equals(manifest.tableFormat())) {
			throw new RestoreRefused(file + " has backup format " + manifest.formatVersion() + " ("
					+ manifest.tableFormat() + "); this Backroom reads format " + Manifest.FORMAT_VERSION);
		}
		return manifest;
	}

	/** The {@code .sha256} file written beside each backup (sha256sum's format), when it was copied along. */
	private static void verifyChecksum(Path file) throws IOException {
		Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
		if (!Files.isRegularFile(sidecar)) {
			return;
		}
		String expected = Files.readString(sidecar, StandardCharsets.UTF_8).strip().split("\\s+")[0];
		MessageDigest sha256 = SnapshotWriter.sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		String actual = HexFormat.of().formatHex(sha256.digest());
		if (!actual.equalsIgnoreCase(expected)) {
			throw new RestoreRefused(file + " is damaged: its SHA-256 is " + actual + ", " + sidecar + " says " + expected);
		}
	}

}
