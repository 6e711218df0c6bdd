package org.backroom.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement that the chain held {@code entries} links, the last with hash {@code head} (hex, lower case;
 * empty for an empty chain), at time {@code at} (ISO-8601). The signature (Ed25519, base64) is over the UTF-8 text
 * of {@link #signedText()}: {@code backroom-audit-checkpoint:v1}, entries, head and at, each on its own line. A
 * chain extends the checkpoint when its link number {@code entries} still has hash {@code head}: each hash covers all
 * before it, so a chain cut below it, or rewritten anywhere up to it, cannot.
 *
 * <p>Plain JDK only: the offline {@link AuditVerifier} uses it too.
 */
record Checkpoint(long entries, String head, String at, String signature) {

	String signedText() {
		return "backroom-audit-checkpoint:v1\n" + entries + "\n" + head + "\n" + at;
	}

	byte[] signedBytes() {
		return signedText().getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the signature is the public key's over this checkpoint. */
	boolean signedBy(PublicKey key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return signedBy(key, signedBytes(), bytes);
	}

	static boolean signedBy(PublicKey key, byte[] message, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * Reads a checkpoint from its JSON (the four fields; others are ignored).
	 *
	 * @throws IllegalArgumentException naming the field that is missing or malformed
	 */
	static Checkpoint parse(String json) {
		return new Checkpoint(Long.parseLong(field(json, "entries", "(\\d{1,18})")), field(json, "head", "\"([0-9a-f]*)\""),
				field(json, "at", "\"([0-9TZ:.+-]{1,40})\""), field(json, "signature", "\"([A-Za-z0-9+/=]{0,200})\""));
	}

	private static String field(String json, String name, String value) {
		Matcher found = Pattern.compile("\"" + name + "\"\\s*:\\s*" + value).matcher(json);
		if (!found.find()) {
			throw new IllegalArgumentException("The checkpoint has no well-formed \"" + name + "\"");
		}
		return found.group(1);
	}

	/** The JSON of this checkpoint, as the API answers it and the offline verifier reads it. */
	String json() {
		return "{\"entries\":" + entries + ",\"head\":\"" + head + "\",\"at\":\"" + at + "\",\"signature\":\""
				+ signature + "\"}";
	}

}
