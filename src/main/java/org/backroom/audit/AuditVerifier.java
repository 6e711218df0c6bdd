package org.backroom.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks an exported trail against a checkpoint and the store's public key, trusting nothing the server says now:
 * the checkpoint's signature, every sealed entry's payload text against its payload hash (erased entries keep only
 * the hash, which the chain still covers), every link against the one before it, and that link number
 * {@code entries} of the chain is the checkpoint's head. Plain JDK, no Spring, so it runs from the jar on any machine:
 * see the README ("Checking a trail offline"). Exit status 0 when all holds, 1 when something does not (each finding
 * printed), 2 for wrong arguments or unreadable files.
 */
public final class AuditVerifier {

	private AuditVerifier() {
	}

	/** {@code AuditVerifier trail.csv checkpoint.json public-key.pem}. */
	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) {
		if (args.length != 3) {
			out.println("usage: AuditVerifier <trail.csv> <checkpoint.json> <public-key.pem>");
			return 2;
		}
		try {
			List<String> findings = check(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8),
					Checkpoint.parse(Files.readString(Path.of(args[1]))), publicKey(Files.readString(Path.of(args[2]))));
			findings.forEach(out::println);
			return findings.get(findings.size() - 1).startsWith("OK") ? 0 : 1;
		}
		catch (IOException | IllegalArgumentException | GeneralSecurityException ex) {
			out.println("cannot read the files: " + ex.getMessage());
			return 2;
		}
	}

	/** What the check found, one finding a line; the last line starts with OK or FAILED. */
	static List<String> check(String csv, Checkpoint checkpoint, PublicKey key) {
		List<String> findings = new ArrayList<>();
		if (!checkpoint.signedBy(key)) {
			findings.add("the checkpoint's signature is not the public key's: it is forged or altered");
		}
		List<Map<String, String>> rows = CsvRows.parse(csv);
		List<Map<String, String>> links = new ArrayList<>(rows.stream().filter(row -> !row.get("chainSeq").isEmpty())
			.toList());
		links.sort(Comparator.comparingLong(row -> Long.parseLong(row.get("chainSeq"))));
		String previous = "";
		for (int i = 0; i < links.size(); i++) {
			Map<String, String> link = links.get(i);
			String entry = "entry " + link.get("id") + " (link " + link.get("chainSeq") + ")";
			if (Long.parseLong(link.get("chainSeq")) != i + 1) {
				findings.add(entry + ": link " + (i + 1) + " is missing before it (export the whole trail, no filters)");
				break;
			}
			checkLink(entry, link, previous, findings);
			previous = link.get("hash");
		}
		checkAgainstCheckpoint(links, checkpoint, findings);
		long unsealed = rows.size() - links.size();
		findings.add(findings.isEmpty()
				? "OK: " + links.size() + " sealed entries intact, extending the checkpoint of " + checkpoint.entries()
						+ " entries at " + checkpoint.at() + (unsealed > 0 ? "; " + unsealed + " unsealed, not covered" : "")
				: "FAILED: " + findings.size() + " finding(s)");
		return findings;
	}

	/** One link's own content and its place in the chain after {@code previous} (the hash of the link before). */
	private static void checkLink(String entry, Map<String, String> link, String previous, List<String> findings) {
		if (!"true".equals(link.get("erased")) && !sha256Hex(link.get("payload").getBytes(StandardCharsets.UTF_8))
			.equals(link.get("payloadHash"))) {
			findings.add(entry + ": its content does not match its payload hash: it was altered");
		}
		if (!previous.equals(link.get("prevHash"))) {
			findings.add(entry + ": it does not follow the link before it: an entry was removed or re-ordered");
		}
		byte[] chained = concat(HexFormat.of().parseHex(link.get("prevHash")),
				HexFormat.of().parseHex(link.get("payloadHash")));
		if (!sha256Hex(chained).equals(link.get("hash"))) {
			findings.add(entry + ": its hash is not the chain of the link before it and its payload");
		}
	}

	/** The trail reaches the checkpoint and its link there is the checkpoint's head. */
	private static void checkAgainstCheckpoint(List<Map<String, String>> links, Checkpoint checkpoint,
			List<String> findings) {
		if (checkpoint.entries() > links.size()) {
			findings.add("the trail has " + links.size() + " sealed entries, fewer than the checkpoint's "
					+ checkpoint.entries() + ": it was cut short");
		}
		else if (checkpoint.entries() > 0
				&& !links.get((int) checkpoint.entries() - 1).get("hash").equals(checkpoint.head())) {
			findings.add("link " + checkpoint.entries() + " is not the checkpoint's head: the trail was rewritten up to it");
		}
	}

	static PublicKey publicKey(String pem) throws GeneralSecurityException {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
