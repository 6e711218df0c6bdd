package org.backroom.erasure;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.approval.ApprovalRequest;
import org.backroom.lifecycle.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Erasure, legal hold and the personal-data export of customers and staff. */
@RestController
@RequestMapping("/api/{kind:customers|staff}/{id}")
class ErasureApi {

	private final ErasureService erasure;

	private final PersonalDataExport export;

	ErasureApi(ErasureService erasure, PersonalDataExport export) {
		this.erasure = erasure;
		this.export = export;
	}

	@Operation(operationId = "previewErasure", summary = "What erasing would blank, and whether it may happen now")
	@GetMapping("/erasure")
	ErasureService.Preview preview(@PathVariable String kind, @PathVariable long id) {
		return erasure.preview(kind, id);
	}

	@Operation(operationId = "erasePerson", summary = "Erase the person's personal data; their orders and figures stay")
	@PostMapping("/erase")
	ResponseEntity<Object> erase(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		Object result = erasure.erase(kind, id, Reason.require(body == null ? null : body.reason()));
		if (result instanceof ApprovalRequest request) {
			return ResponseEntity.accepted().location(URI.create("/api/approvals/" + request.id())).body(request);
		}
		return ResponseEntity.ok(result);
	}

	@Operation(operationId = "setLegalHold",
			summary = "Put the record under a legal hold: erasure is refused until it is released")
	@PostMapping("/legal-hold")
	ErasureService.Hold hold(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		return erasure.hold(kind, id, Reason.require(body == null ? null : body.reason()));
	}

	@Operation(operationId = "releaseLegalHold", summary = "Release the legal hold")
	@DeleteMapping("/legal-hold")
	ResponseEntity<Void> release(@PathVariable String kind, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason) {
		erasure.release(kind, id, Reason.require(reason));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "releaseLegalHoldByPost",
			summary = "Release the legal hold (for clients that cannot send DELETE)")
	@PostMapping("/legal-hold/release")
	ResponseEntity<Void> releasePost(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		erasure.release(kind, id, Reason.require(body == null ? null : body.reason()));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "exportPersonalData",
			summary = "The person's data: JSON, or a ZIP of CSV files with ?format=zip or Accept: application/zip")
	@GetMapping("/personal-data")
	void personalData(@PathVariable String kind, @PathVariable long id,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = "Accept", required = false) @Nullable String accept, HttpServletResponse response)
			throws IOException {
		boolean zip = "zip".equals(format) || format == null && accept != null && accept.contains("application/zip");
		Map<String, Object> data = export.export(kind, id, format != null ? format : zip ? "zip" : "json");
		if (zip) {
			response.setContentType("application/zip");
			response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName(data) + ".zip\"");
			export.writeZip(data, response.getOutputStream());
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName(data) + ".json\"");
			export.writeJson(data, response.getOutputStream());
		}
	}

}
