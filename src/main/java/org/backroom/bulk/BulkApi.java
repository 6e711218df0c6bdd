package org.backroom.bulk;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.lifecycle.Reason;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk jobs as JSON: preview, start, follow, undo; proposals to start or discard. */
@Tag(name = "bulk jobs")
@RestController
class BulkApi {

	private static final int MAX_RECORDS = 1000;

	private final BulkJobService jobs;

	private final BulkProposalService proposals;

	BulkApi(BulkJobService jobs, BulkProposalService proposals) {
		this.jobs = jobs;
		this.proposals = proposals;
	}

	@Operation(operationId = "previewBulkJob",
			summary = "What a bulk deactivation or deletion would do now: the records to process, and those "
			+ "skipped with why (system-record, open-balance, already-inactive, in-trash, referenced, not-found, "
			+ "active-since)")
	@PostMapping("/api/bulk-jobs/preview")
	Preview preview(@RequestBody BulkRequest request) {
		return jobs.preview(request);
	}

	@Operation(operationId = "startBulkJob",
			summary = "Start a bulk job (202): it runs in the background, or waits for approval when the "
			+ "bulk.deactivate setting says so; follow it at the Location")
	@ApiResponse(responseCode = "202", description = "Started, or waiting for approval; Location names the job")
	@PostMapping("/api/bulk-jobs")
	ResponseEntity<BulkJob> start(@RequestBody BulkRequest request) {
		return accepted(jobs.start(request));
	}

	@Operation(operationId = "getBulkJob", summary = "A bulk job and its progress: done, skipped and failed of total")
	@GetMapping("/api/bulk-jobs/{id}")
	BulkJob get(@PathVariable long id) {
		return jobs.get(id);
	}

	@Operation(operationId = "undoBulkJob",
			summary = "Undo a finished job (202): a new job that reactivates (or restores) each record the job "
			+ "changed, unless someone changed it since")
	@ApiResponse(responseCode = "202", description = "The undo job started; Location names it")
	@PostMapping("/api/bulk-jobs/{id}/undo")
	ResponseEntity<BulkJob> undo(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return accepted(jobs.undo(id, Reason.require(body == null ? null : body.reason())));
	}

	@Operation(operationId = "listProposedBulkJobs",
			summary = "The proposals waiting for someone to start or discard them, such as the retention review's")
	@GetMapping("/api/bulk-jobs/proposed")
	List<BulkJob> proposed() {
		return proposals.waiting();
	}

	@Operation(operationId = "listBulkJobRecords",
			summary = "A job's records with their outcome so far (PENDING until the job reaches them), by record id:"
			+ " what a proposal would do, or what a job did")
	@GetMapping("/api/bulk-jobs/{id}/records")
	Map<String, Object> records(@PathVariable long id, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "100") int limit) {
		int size = Math.max(1, Math.min(limit, MAX_RECORDS));
		long after;
		try {
			after = cursor == null ? 0 : Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw ValidationFailed.of("cursor", "must be the nextCursor of an earlier page");
		}
		List<Preview.Outcome> page = proposals.records(id, after, size + 1);
		List<Preview.Outcome> items = page.subList(0, Math.min(size, page.size()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", items);
		answer.put("nextCursor", page.size() > size ? String.valueOf(items.get(items.size() - 1).recordId()) : null);
		return answer;
	}

	@Operation(operationId = "startProposedBulkJob",
			summary = "Start a proposed job (202) as your own, with your reason: it runs, or waits for approval when "
			+ "the settings say so for its action")
	@ApiResponse(responseCode = "202", description = "Started, or waiting for approval; Location names the job")
	@PostMapping("/api/bulk-jobs/{id}/start")
	ResponseEntity<BulkJob> startProposed(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return accepted(proposals.start(id, Reason.require(body == null ? null : body.reason())));
	}

	@Operation(operationId = "discardProposedBulkJob", summary = "Discard a proposed job: it never runs")
	@PostMapping("/api/bulk-jobs/{id}/discard")
	BulkJob discard(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return proposals.discard(id, Reason.require(body == null ? null : body.reason()));
	}

	private static ResponseEntity<BulkJob> accepted(BulkJob job) {
		return ResponseEntity.accepted().location(URI.create("/api/bulk-jobs/" + job.id())).body(job);
	}

}
