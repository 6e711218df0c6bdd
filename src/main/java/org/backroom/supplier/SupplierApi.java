package org.backroom.supplier;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.backroom.web.Page;
import org.backroom.web.Preconditions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers as JSON. Lifecycle transitions (deactivate, delete, ...) are in the shared lifecycle API. */
@Tag(name = "suppliers")
@RestController
@RequestMapping("/api/suppliers")
class SupplierApi {

	private final SupplierService service;

	SupplierApi(SupplierService service) {
		this.service = service;
	}

	@Operation(operationId = "listSuppliers",
			summary = "Find suppliers: q matches name, code, contact, email, phone; status active (default), inactive, all, deleted")
	@GetMapping
	Page<Supplier> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "active") String status, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return service.list(status, q, cursor, Page.limit(limit));
	}

	@Operation(operationId = "lookupSuppliers", summary = "What pickers offer: active suppliers only, at most 20")
	@GetMapping("/lookup")
	List<Suppliers.Lookup> lookup(@RequestParam(required = false) @Nullable String q) {
		return service.lookup(q);
	}

	@Operation(operationId = "getSupplier", summary = "One supplier, with its ETag")
	@GetMapping("/{id}")
	ResponseEntity<Supplier> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), service.get(id));
	}

	@Operation(operationId = "createSupplier", summary = "Create a supplier")
	@ApiResponse(responseCode = "201", description = "Created; Location names it")
	@PostMapping
	ResponseEntity<Supplier> create(@Valid @RequestBody SupplierForm form) {
		Supplier supplier = service.create(form);
		return withEtag(ResponseEntity.created(URI.create("/api/suppliers/" + supplier.id())), supplier);
	}

	@Operation(operationId = "updateSupplier", summary = "Edit a supplier; If-Match with the ETag you read is required")
	@PutMapping("/{id}")
	ResponseEntity<Supplier> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody SupplierForm form) {
		return withEtag(ResponseEntity.ok(), service.update(id, Preconditions.expectedVersion(ifMatch), form));
	}

	private static ResponseEntity<Supplier> withEtag(ResponseEntity.BodyBuilder response, Supplier supplier) {
		return response.eTag(Preconditions.etag(supplier.version())).body(supplier);
	}

}
