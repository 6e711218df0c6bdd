package org.backroom.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the chain: what a store keeps somewhere else (the webhook, a printout, an auditor's mail) so
 * that a chain later cut short or rewritten fails against it. Published on {@code backroom.audit.checkpoint-cron}
 * (hourly by default, {@code -} for never) as an {@code audit.checkpoint} entry and, when
 * {@code backroom.audit.checkpoint-webhook} is set, POSTed there as JSON; safe on every instance (one publishes).
 */
@Service
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	/** "BRCHKPNT" in ASCII: one instance publishes a scheduled checkpoint. */
	private static final long PUBLISH_LOCK = 0x425243484B504E54L;

	private final AuditSealer sealer;

	private final ChainSeals seals;

	private final AuditKey key;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final String webhook;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	AuditCheckpoints(AuditSealer sealer, ChainSeals seals, AuditKey key, AuditTrail audit, JdbcClient jdbc,
			PlatformTransactionManager transactions, @Value("${backroom.audit.checkpoint-webhook:}") String webhook) {
		this.sealer = sealer;
		this.seals = seals;
		this.key = key;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.webhook = webhook.strip();
	}

	/** A checkpoint of the chain now: everything committed so far is sealed first, so that it is covered. */
	Checkpoint current() {
		sealer.sealNow();
		ChainSeals.Head head = seals.head();
		long entries = head == null ? 0 : head.entries();
		String hash = head == null ? "" : HexFormat.of().formatHex(head.hash());
		Checkpoint unsigned = new Checkpoint(entries, hash, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), "");
		String signature = Base64.getEncoder().encodeToString(key.sign(unsigned.signedBytes()));
		return new Checkpoint(entries, hash, unsigned.at(), signature);
	}

	/** Whether the checkpoint is Backroom's own, and the chain as it is now still extends it. */
	Since check(Checkpoint since) {
		boolean signed = key.verify(since.signedBytes(), decode(since.signature()));
		if (!signed) {
			return new Since(false, false, "The checkpoint's signature is not this store's audit key's");
		}
		if (since.entries() == 0) {
			return new Since(true, true, null);
		}
		byte @Nullable [] hash = seals.hashAt(since.entries());
		if (hash == null) {
			return new Since(true, false, "The chain is shorter than the checkpoint's " + since.entries()
					+ " entries: it was cut short");
		}
		if (!HexFormat.of().formatHex(hash).equals(since.head())) {
			return new Since(true, false, "Entry " + since.entries() + " of the chain is not the one the checkpoint "
					+ "signed: the chain was rewritten up to it");
		}
		return new Since(true, true, null);
	}

	/** What a check against a checkpoint found. */
	record Since(boolean signatureValid, boolean extended, @Nullable String problem) {
	}

	@Scheduled(cron = "${backroom.audit.checkpoint-cron:0 0 * * * *}")
	void publish() {
		Checkpoint checkpoint = transaction.execute(status -> {
			boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(PUBLISH_LOCK).query(Boolean.class)
				.single();
			// Another instance publishes this one, or just did.
			if (!mine || jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'audit.checkpoint' AND "
					+ "at > clock_timestamp() - interval '1 minute')").query(Boolean.class).single()) {
				return null;
			}
			return record(current());
		});
		if (checkpoint != null && !webhook.isEmpty()) {
			post(checkpoint);
		}
	}

	/** Writes the checkpoint to the trail itself, so that the trail says when it was vouched for and by what. */
	Checkpoint record(Checkpoint checkpoint) {
		audit.record("audit.checkpoint", null, null, null, Map.of("entries", checkpoint.entries(), "head",
				checkpoint.head(), "at", checkpoint.at(), "signature", checkpoint.signature()));
		return checkpoint;
	}

	private void post(Checkpoint checkpoint) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(webhook))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(checkpoint.json()))
				.build();
			HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (answer.statusCode() >= 300) {
				log.warn("The checkpoint webhook {} answered {}", webhook, answer.statusCode());
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			log.warn("Could not post the audit checkpoint to {}: {}", webhook, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

}
