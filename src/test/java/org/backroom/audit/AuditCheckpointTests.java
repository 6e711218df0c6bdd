package org.backroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signed checkpoints: what the API signs, that a chain cut short or rewritten below a checkpoint no longer extends
 * it, and that a scheduled checkpoint is written to the trail and posted to the webhook. An application of its own:
 * these tests break the chain on purpose, and each mends it again.
 */
@BackroomTest(properties = { "backroom.audit.checkpoint-cron=-" })
class AuditCheckpointTests extends ApiTest {

	private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

	private static final HttpServer RECEIVER = receiver();

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AuditCheckpoints checkpoints;

	@DynamicPropertySource
	static void webhook(DynamicPropertyRegistry properties) {
		properties.add("backroom.audit.checkpoint-webhook",
				() -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/checkpoints");
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.stop(0);
	}

	@Test
	void aCheckpointIsSignedByThePublishedKeyAndCoversEverythingCommitted() throws Exception {
		new AuditClient(api).customer(Map.of("name", AuditClient.unique("Vouched")));
		Api.Response answer = api.get("/api/audit/checkpoint");
		Checkpoint checkpoint = Checkpoint.parse(answer.body());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(checkpoint.signedBy(AuditVerifier.publicKey(api.get("/api/audit/public-key").body()))).isTrue();
		long newest = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
		assertThat(checkpoint.entries()).isEqualTo(newest);
		assertThat(checkpoint.head()).hasSize(64);
		JsonNode verdict = api.get("/api/audit/verify?since=" + Api.encode(answer.body())).json();
		assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
		assertThat(verdict.path("since").path("extended").asBoolean()).isTrue();
	}

	@Test
	void aForgedCheckpointIsNotTakenForTheStoresOwn() {
		Checkpoint real = Checkpoint.parse(api.get("/api/audit/checkpoint").body());
		Checkpoint forged = new Checkpoint(real.entries() + 5, real.head(), real.at(), real.signature());

		JsonNode verdict = api.get("/api/audit/verify?since=" + Api.encode(forged.json())).json();

		assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isFalse();
		assertThat(verdict.path("since").path("signatureValid").asBoolean()).isFalse();
	}

	@Test
	void aChainCutShortBelowTheCheckpointFailsAgainstIt() {
		new AuditClient(api).customer(Map.of("name", AuditClient.unique("Newest")));
		Checkpoint checkpoint = Checkpoint.parse(api.get("/api/audit/checkpoint").body());
		jdbc.sql("CREATE TABLE cut_audit_entry AS SELECT * FROM audit_log WHERE chain_seq = " + checkpoint.entries())
			.update();
		behindTheBack("DELETE FROM audit_log WHERE chain_seq = ?", checkpoint.entries());
		try {
			JsonNode verdict = api.get("/api/audit/verify?since=" + Api.encode(checkpoint.json())).json();
			assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isFalse();
			assertThat(verdict.path("since").path("problem").asString()).contains("cut short");
		}
		finally {
			behindTheBack("INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM cut_audit_entry");
			jdbc.sql("DROP TABLE cut_audit_entry").update();
		}
	}

	@Test
	void aChainRewrittenUpToTheCheckpointFailsAgainstItEvenWithEveryHashRecomputed() {
		Checkpoint checkpoint = Checkpoint.parse(api.get("/api/audit/checkpoint").body());
		byte[] hash = jdbc.sql("SELECT hash FROM audit_log WHERE chain_seq = ?").param(checkpoint.entries())
			.query(byte[].class).single();
		// A re-forked chain: the same length, its head another hash (what rewriting any earlier entry leads to).
		behindTheBack("UPDATE audit_log SET hash = sha256(hash) WHERE chain_seq = ?", checkpoint.entries());
		try {
			JsonNode verdict = api.get("/api/audit/verify?entries=" + checkpoint.entries() + "&head=" + checkpoint.head()
					+ "&at=" + checkpoint.at() + "&signature=" + Api.encode(checkpoint.signature())).json();
			assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isFalse();
			assertThat(verdict.path("since").path("problem").asString()).contains("rewritten");
		}
		finally {
			behindTheBack("UPDATE audit_log SET hash = ? WHERE chain_seq = ?", hash, checkpoint.entries());
		}
	}

	@Test
	void somethingThatIsNotACheckpointIsAValidationProblem() {
		Api.Response answer = api.get("/api/audit/verify?since=" + Api.encode("{\"entries\": \"many\"}"));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.problemType()).isEqualTo("validation");
	}

	@Test
	void aScheduledCheckpointIsRecordedAndPostedToTheWebhook() {
		checkpoints.publish();

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !RECEIVED.isEmpty());
		Checkpoint posted = Checkpoint.parse(RECEIVED.get(RECEIVED.size() - 1));
		JsonNode recorded = new AuditClient(api).all("/api/audit?action=audit.checkpoint").get(0);
		assertThat(recorded.path("changes").path("signature").asString()).isEqualTo(posted.signature());
		assertThat(recorded.path("changes").path("entries").asLong()).isEqualTo(posted.entries());
	}

	@Test
	void theKeyIsGeneratedOnceIntoTheDataDirectoryReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
		AuditKey first = new AuditKey("", dir.toString());
		Path file = dir.resolve("audit-key.pem");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(new AuditKey("", dir.toString()).publicKeyPem()).isEqualTo(first.publicKeyPem());
		assertThat(new AuditKey(file.toString(), "").publicKeyPem()).isEqualTo(first.publicKeyPem());
		assertThat(new AuditKey(Files.readString(file), "").publicKeyPem()).isEqualTo(first.publicKeyPem());
	}

	private void behindTheBack(String sql, Object... params) {
		jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER ALL").update();
		try {
			jdbc.sql(sql).params(params).update();
		}
		finally {
			jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER ALL").update();
		}
	}

	private static HttpServer receiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/checkpoints", exchange -> {
				RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
