package org.backroom.sales;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.backroom.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales orders as JSON. */
@Tag(name = "sales orders")
@RestController
@RequestMapping("/api/sales-orders")
class SalesApi {

	private final SalesService service;

	SalesApi(SalesService service) {
		this.service = service;
	}

	@Operation(operationId = "createSale", summary = "Record a sale: customer (walk-in when none), payment, lines")
	@ApiResponse(responseCode = "201", description = "Recorded; Location names it")
	@PostMapping
	ResponseEntity<SalesOrder> sell(@Valid @RequestBody NewSale sale) {
		SalesOrder order = service.sell(sale);
		return ResponseEntity.created(URI.create("/api/sales-orders/" + order.id())).body(order);
	}

	@Operation(operationId = "getSale", summary = "One sales order with its lines")
	@GetMapping("/{id}")
	SalesOrder get(@PathVariable long id) {
		return service.get(id);
	}

	@Operation(operationId = "listSales",
			summary = "Sales orders, newest first; customerId gives one customer's, whatever its status;"
			+ " processedBy those one staff user processed; includeMerged (default true) adds the orders of customers"
			+ " merged into customerId")
	@GetMapping
	Page<SalesOrder> list(@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(defaultValue = "true") boolean includeMerged,
			@RequestParam(required = false) @Nullable Long processedBy,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return service.list(customerId, includeMerged, processedBy, cursor, Page.limit(limit));
	}

}
