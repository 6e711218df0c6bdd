package org.backroom.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints, kept outside the database so that whoever can rewrite the database cannot
 * sign a rewritten chain. {@code backroom.audit.key} ({@code BACKROOM_AUDIT_KEY}) is either the key itself (text
 * starting {@code -----BEGIN}) or the path of a file holding it: a {@code PRIVATE KEY} block (PKCS#8) and a
 * {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo), as Backroom writes them. Unset, the key lives in
 * {@code audit-key.pem} in the data directory, generated on first start with permissions 600; with a throw-away data
 * directory, in memory for the run.
 */
@Component
class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	private final KeyPair keys;

	AuditKey(@Value("${backroom.audit.key:}") String key, @Value("${backroom.data.dir:}") String dataDir) {
		this.keys = load(key.strip(), dataDir.strip());
	}

	/** The public key as PEM: SubjectPublicKeyInfo, base64, in a {@code PUBLIC KEY} block. */
	String publicKeyPem() {
		return pem("PUBLIC KEY", keys.getPublic().getEncoded());
	}

	byte[] sign(byte[] message) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(keys.getPrivate());
			signer.update(message);
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign with the audit key", ex);
		}
	}

	boolean verify(byte[] message, byte[] signature) {
		return Checkpoint.signedBy(keys.getPublic(), message, signature);
	}

	private static KeyPair load(String key, String dataDir) {
		try {
			if (key.startsWith("-----BEGIN")) {
				return parse(key);
			}
			if (!key.isEmpty()) {
				return parse(Files.readString(Path.of(key)));
			}
			if (dataDir.isEmpty()) {
				return generate();
			}
			Path file = Path.of(dataDir, "audit-key.pem");
			if (Files.exists(file)) {
				return parse(Files.readString(file));
			}
			return write(generate(), file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the audit signing key", ex);
		}
	}

	private static KeyPair write(KeyPair keys, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Path fresh = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(fresh);
		try {
			Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(fresh); // not a POSIX file system: the directory's own protection is what there is
		}
		Files.writeString(fresh, pem("PRIVATE KEY", keys.getPrivate().getEncoded())
				+ pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
		Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
		log.info("Generated the audit checkpoint signing key in {}; keep a copy of its public key elsewhere", file);
		return keys;
	}

	private static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This Java has no Ed25519", ex);
		}
	}

	private static KeyPair parse(String text) {
		byte @Nullable [] privateKey = null;
		byte @Nullable [] publicKey = null;
		Matcher block = BLOCK.matcher(text);
		while (block.find()) {
			byte[] der = Base64.getMimeDecoder().decode(block.group(2));
			if ("PRIVATE KEY".equals(block.group(1))) {
				privateKey = der;
			}
			else if ("PUBLIC KEY".equals(block.group(1))) {
				publicKey = der;
			}
		}
		if (privateKey == null || publicKey == null) {
			throw new IllegalStateException("The audit key needs a PRIVATE KEY and a PUBLIC KEY block (Ed25519)");
		}
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			PrivateKey secret = factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
			PublicKey known = factory.generatePublic(new X509EncodedKeySpec(publicKey));
			return new KeyPair(known, secret);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The audit key is not an Ed25519 key pair", ex);
		}
	}

	static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

}
