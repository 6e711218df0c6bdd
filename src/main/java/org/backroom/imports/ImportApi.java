package org.backroom.imports;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.lifecycle.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV import as JSON: upload a file for its dry run, start the checked file, follow it, undo it. The file is the
 * request's body ({@code text/csv}, UTF-8).
 */
@Tag(name = "imports")
@RestController
class ImportApi {

	private static final String CSV_FILE = "A CSV file (UTF-8, RFC 4180) whose first line names the columns";

	private static final String REFUSED_FILE = "csv-encoding, csv-header, csv-quote or csv-empty: the file cannot "
			+ "be imported as a whole (line names where); nothing was kept";

	private final ImportService imports;

	private final ImportUploads uploads;

	private final ImportExports exports;

	ImportApi(ImportService imports, ImportUploads uploads, ImportExports exports) {
		this.imports = imports;
		this.uploads = uploads;
		this.exports = exports;
	}

	@Operation(operationId = "exportCustomers",
			summary = "The customers (active and inactive) as a CSV file in the import's columns, to edit and import "
					+ "back; audited")
	@ApiResponse(responseCode = "200", description = "The file, UTF-8, RFC 4180, header first",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@GetMapping("/api/customers/export")
	void exportCustomers(HttpServletResponse response) throws IOException {
		export("customers", response);
	}

	@Operation(operationId = "exportItems",
			summary = "The items (active and inactive) as a CSV file in the import's columns, to edit and import "
					+ "back; audited")
	@ApiResponse(responseCode = "200", description = "The file, UTF-8, RFC 4180, header first",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@GetMapping("/api/items/export")
	void exportItems(HttpServletResponse response) throws IOException {
		export("items", response);
	}

	// No "produces": a refusal must still be able to answer as a problem.
	private void export(String path, HttpServletResponse response) throws IOException {
		ImportableKind kind = exports.allowed(path);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + path + ".csv\"");
		exports.export(kind, response.getWriter());
	}

	@Operation(operationId = "previewCustomerImport",
			summary = "Dry run of a customer CSV (code,name,email,phone,address,taxNumber,notes,creditAllowed,"
					+ "creditLimit): per-row errors by line and column; a file without errors is kept to be started",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = CSV_FILE,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	@ApiResponse(responseCode = "200", description = "The dry run: nothing was written to any record",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportPreview.class)))
	@ApiResponse(responseCode = "400", description = REFUSED_FILE, content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "payload-too-large: more than the largest file an import takes",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/api/customers/import")
	ImportPreview previewCustomers(HttpServletRequest request,
			@Parameter(description = "The file's name, shown with the job") @RequestParam(required = false) @Nullable String fileName)
			throws IOException {
		return imports.preview("customers", fileName, uploads.read(request));
	}

	@Operation(operationId = "previewItemImport",
			summary = "Dry run of an item CSV (sku,name,description,barcode,category,price,cost,trackStock): per-row "
					+ "errors by line and column; a file without errors is kept to be started",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = CSV_FILE,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	@ApiResponse(responseCode = "200", description = "The dry run: nothing was written to any record",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportPreview.class)))
	@ApiResponse(responseCode = "400", description = REFUSED_FILE, content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "payload-too-large: more than the largest file an import takes",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/api/items/import")
	ImportPreview previewItems(HttpServletRequest request,
			@Parameter(description = "The file's name, shown with the job") @RequestParam(required = false) @Nullable String fileName)
			throws IOException {
		return imports.preview("items", fileName, uploads.read(request));
	}

	@Operation(operationId = "startImport",
			summary = "Start a checked file (202): it creates and updates in the background; a record changed since the "
					+ "preview is reported as a conflict, not overwritten")
	@ApiResponse(responseCode = "202", description = "Started; Location names the job")
	@ApiResponse(responseCode = "409", description = "invalid-transition: the preview was already started",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/api/import-jobs/{id}/start")
	ResponseEntity<ImportJob> start(@PathVariable long id) {
		return accepted(imports.start(id));
	}

	@Operation(operationId = "getImportJob", summary = "An import or its undo, with its progress and the rows not imported")
	@GetMapping("/api/import-jobs/{id}")
	ImportJob get(@PathVariable long id) {
		return imports.get(id);
	}

	@Operation(operationId = "undoImport",
			summary = "Undo a finished import (202): updated records get their values back unless changed since; "
					+ "created ones go to the trash, or are deactivated when something refers to them")
	@ApiResponse(responseCode = "202", description = "The undo started; Location names it")
	@ApiResponse(responseCode = "409", description = "invalid-transition: not done yet, already undone, or itself an undo",
			content = @Content(mediaType = "application/problem+json"))
	@PostMapping("/api/import-jobs/{id}/undo")
	ResponseEntity<ImportJob> undo(@PathVariable long id, @RequestBody Reason body) {
		return accepted(imports.undo(id, Reason.require(body.reason())));
	}

	private static ResponseEntity<ImportJob> accepted(ImportJob job) {
		return ResponseEntity.accepted().location(URI.create("/api/import-jobs/" + job.id())).body(job);
	}

}
