package org.backroom.audit;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.web.Page;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the audit trail: search it, see one record's timeline, export a range as CSV, verify the chain. */
@Tag(name = "audit")
@RestController
class AuditApi {

	private final AuditTrail audit;

	private final List<AuditedKinds> audited;

	private final AuditCheckpoints checkpoints;

	private final AuditKey key;

	AuditApi(AuditTrail audit, List<AuditedKinds> audited, AuditCheckpoints checkpoints, AuditKey key) {
		this.audit = audit;
		this.audited = audited;
		this.checkpoints = checkpoints;
		this.key = key;
	}

	@Operation(operationId = "listAuditEntries",
			summary = "Audit entries, newest first: filter by actor, action, recordKind + recordId, and a time "
			+ "range (from inclusive, to exclusive; ISO-8601 instants or dates at midnight UTC)")
	@PreAuthorize("@permissions.require('audit.view')")
	@GetMapping("/api/audit")
	Page<AuditEntry> find(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String recordKind,
			@RequestParam(required = false) @Nullable Long recordId, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		AuditFilter filter = AuditFilter.parse(actor, action, recordKind, recordId, from, to);
		return audit.find(filter, cursor, Page.limit(limit));
	}

	@Operation(operationId = "recordHistory",
			summary = "One record's audit entries, oldest first; still there after the record is purged")
	@PreAuthorize("@permissions.require('audit.view')")
	@GetMapping("/api/{kind}/{id}/history")
	Page<AuditEntry> history(@PathVariable String kind, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		String recordKind = audited.stream()
			.flatMap(owner -> owner.kindAt(kind).stream())
			.findFirst()
			.orElseThrow(() -> new NoTimeline(kind));
		return audit.history(recordKind, id, cursor, Page.limit(limit));
	}

	@Operation(operationId = "exportAuditEntries",
			summary = "Audit entries as CSV (UTF-8, RFC 4180), oldest first, with the same filters as the search")
	@PreAuthorize("@permissions.require('audit.view')")
	@GetMapping("/api/audit/export")
	void export(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String recordKind,
			@RequestParam(required = false) @Nullable Long recordId, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, HttpServletResponse response) throws IOException {
		// Checked before the first byte is written: once rows stream, the status can no longer change.
		AuditFilter filter = AuditFilter.parse(actor, action, recordKind, recordId, from, to);
		response.setContentType("text/csv");
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
		audit.export(filter, response.getWriter());
	}

	@Operation(operationId = "verifyAuditChain",
			summary = "Recompute the hash chain: intact with N entries, or the first entry where it breaks; with "
			+ "since (a checkpoint's JSON) or its four fields, also whether the chain still extends that checkpoint")
	@PreAuthorize("@permissions.require('audit.view')")
	@GetMapping("/api/audit/verify")
	Verification verify(@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable Long entries, @RequestParam(required = false) @Nullable String head,
			@RequestParam(required = false) @Nullable String at,
			@RequestParam(required = false) @Nullable String signature) {
		Checkpoint checkpoint = CheckpointInput.of(since, entries, head, at, signature);
		Verification verification = audit.verify();
		return checkpoint == null ? verification : verification.against(checkpoints.check(checkpoint));
	}

	@Operation(operationId = "getAuditCheckpoint",
			summary = "A signed checkpoint of the chain now: {entries, head, at, signature} (Ed25519, base64)")
	@PreAuthorize("@permissions.require('audit.view')")
	@GetMapping("/api/audit/checkpoint")
	ResponseEntity<String> checkpoint() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(checkpoints.current().json());
	}

	@Operation(operationId = "getAuditPublicKey",
			summary = "The public key that checkpoints are signed with: PEM, X.509 SubjectPublicKeyInfo (Ed25519)")
	@PreAuthorize("@permissions.require('audit.view')")
	@GetMapping(path = "/api/audit/public-key", produces = "application/x-pem-file")
	String publicKey() {
		return key.publicKeyPem();
	}

	/** A path under {@code /api} whose records keep no timeline. */
	static final class NoTimeline extends Refusal {

		NoTimeline(String path) {
			super("not-found", HttpStatus.NOT_FOUND, "Not found", "There is nothing at /api/" + path + ".");
		}

	}

}
