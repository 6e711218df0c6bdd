package org.backroom.bulk;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.lifecycle.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bulk jobs as JSON: preview, start, follow, undo. */
@Tag(name = "bulk jobs")
@RestController
class BulkApi {

	private final BulkJobService jobs;

	BulkApi(BulkJobService jobs) {
		this.jobs = jobs;
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

	private static ResponseEntity<BulkJob> accepted(BulkJob job) {
		return ResponseEntity.accepted().location(URI.create("/api/bulk-jobs/" + job.id())).body(job);
	}

}
