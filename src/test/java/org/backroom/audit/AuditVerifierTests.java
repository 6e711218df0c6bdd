package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier, as an auditor runs it on what the store handed over (its export, a checkpoint kept
 * elsewhere, its public key), in a process of its own: an honest trail passes, and a forged checkpoint, a trail whose
 * newest entry was removed, and a trail with an old entry rewritten (every hash after it recomputed) each fail.
 */
@BackroomTest
class AuditVerifierTests extends ApiTest {

	// The export's columns (AuditEntry.CSV_HEADER) that the forger rewrites.
	private static final int CHAIN_SEQ = 10;

	private static final int PAYLOAD_HASH = 11;

	private static final int PREV_HASH = 12;

	private static final int HASH = 13;

	private static final int PAYLOAD = 15;

	@TempDir
	private Path dir;

	private String trail;

	private Checkpoint checkpoint;

	@BeforeEach
	void aTrailAndItsCheckpoint() throws IOException {
		AuditClient audit = new AuditClient(api);
		for (int i = 0; i < 3; i++) {
			audit.customer(Map.of("name", AuditClient.unique("Offline \"quoted\", with\nline")));
		}
		checkpoint = Checkpoint.parse(api.get("/api/audit/checkpoint").body());
		trail = api.get("/api/audit/export").body();
		Files.writeString(dir.resolve("public-key.pem"), api.get("/api/audit/public-key").body());
	}

	@Test
	void passesAnHonestTrailAgainstItsCheckpoint() throws Exception {
		Run run = verify(trail, checkpoint);

		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).startsWith("OK: ");
	}

	@Test
	void findsAForgedCheckpoint() throws Exception {
		Checkpoint forged = new Checkpoint(checkpoint.entries() - 1, checkpoint.head(), checkpoint.at(),
				checkpoint.signature());

		Run run = verify(trail, forged);

		assertThat(run.exit()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("signature is not the public key's");
	}

	@Test
	void findsTheNewestEntryRemoved() throws Exception {
		List<List<String>> rows = rows(trail);
		rows.removeIf(row -> row.get(CHAIN_SEQ).equals(String.valueOf(checkpoint.entries())));

		Run run = verify(csv(rows), checkpoint);

		assertThat(run.exit()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("cut short");
	}

	@Test
	void findsAnOldEntryRewrittenWithEveryHashAfterItRecomputed() throws Exception {
		List<List<String>> rows = rows(trail);
		List<List<String>> links = new ArrayList<>(rows.subList(1, rows.size()).stream()
			.filter(row -> !row.get(CHAIN_SEQ).isEmpty())
			.sorted((a, b) -> Long.compare(Long.parseLong(a.get(CHAIN_SEQ)), Long.parseLong(b.get(CHAIN_SEQ))))
			.toList());
		List<String> old = links.get(0);
		old.set(PAYLOAD, old.get(PAYLOAD).replace("\"actor\": \"", "\"actor\": \"mallory-"));
		old.set(PAYLOAD_HASH, sha256(old.get(PAYLOAD).getBytes(StandardCharsets.UTF_8)));
		String previous = "";
		for (List<String> link : links) {
			link.set(PREV_HASH, previous);
			String hash = sha256(concat(HexFormat.of().parseHex(previous), HexFormat.of().parseHex(link.get(PAYLOAD_HASH))));
			link.set(HASH, hash);
			previous = hash;
		}

		Run run = verify(csv(rows), checkpoint);

		assertThat(run.exit()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("rewritten up to it").doesNotContain("content does not match");
	}

	private record Run(int exit, String output) {
	}

	/** Runs {@code java -cp <this classpath> org.backroom.audit.AuditVerifier} on the files, as an auditor would. */
	private Run verify(String csv, Checkpoint given) throws IOException, InterruptedException {
		Path trailFile = Files.writeString(dir.resolve("trail.csv"), csv);
		Path checkpointFile = Files.writeString(dir.resolve("checkpoint.json"), given.json());
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), AuditVerifier.class.getName(), trailFile.toString(),
				checkpointFile.toString(), dir.resolve("public-key.pem").toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private static List<List<String>> rows(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, String>> parsed = CsvRows.parse(csv);
		rows.add(new ArrayList<>(parsed.get(0).keySet()));
		for (Map<String, String> row : parsed) {
			rows.add(new ArrayList<>(row.values()));
		}
		return rows;
	}

	private static String csv(List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		for (List<String> row : rows) {
			out.append(String.join(",", row.stream().map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"").toList()))
				.append("\r\n");
		}
		return out.toString();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
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
