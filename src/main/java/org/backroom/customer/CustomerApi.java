package org.backroom.customer;

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

/** Customers as JSON. Lifecycle transitions (deactivate, delete, ...) are in the shared lifecycle API. */
@Tag(name = "customers")
@RestController
@RequestMapping("/api/customers")
class CustomerApi {

	private final CustomerService service;

	CustomerApi(CustomerService service) {
		this.service = service;
	}

	@Operation(operationId = "listCustomers",
			summary = "Find customers: q matches name, code, email, phone; status active (default), inactive, all, deleted")
	@GetMapping
	Page<Customer> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "active") String status, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return service.list(status, q, cursor, Page.limit(limit));
	}

	@Operation(operationId = "lookupCustomers", summary = "What pickers offer: active customers only, at most 20")
	@GetMapping("/lookup")
	List<Customers.Lookup> lookup(@RequestParam(required = false) @Nullable String q) {
		return service.lookup(q);
	}

	@Operation(operationId = "getCustomer", summary = "One customer, with its ETag")
	@GetMapping("/{id}")
	ResponseEntity<Customer> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), service.get(id));
	}

	@Operation(operationId = "createCustomer", summary = "Create a customer")
	@ApiResponse(responseCode = "201", description = "Created; Location names it")
	@PostMapping
	ResponseEntity<Customer> create(@Valid @RequestBody CustomerForm form) {
		Customer customer = service.create(form);
		return withEtag(ResponseEntity.created(URI.create("/api/customers/" + customer.id())), customer);
	}

	@Operation(operationId = "updateCustomer", summary = "Edit a customer; If-Match with the ETag you read is required")
	@PutMapping("/{id}")
	ResponseEntity<Customer> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody CustomerForm form) {
		return withEtag(ResponseEntity.ok(), service.update(id, Preconditions.expectedVersion(ifMatch), form));
	}

	private static ResponseEntity<Customer> withEtag(ResponseEntity.BodyBuilder response, Customer customer) {
		return response.eTag(Preconditions.etag(customer.version())).body(customer);
	}

}
