package org.backroom.purchasing;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.backroom.lifecycle.Reason;
import org.backroom.web.Page;
import org.backroom.web.Preconditions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Purchase orders as JSON: draft, order, receive, cancel. */
@Tag(name = "purchase orders")
@RestController
@RequestMapping("/api/purchase-orders")
class PurchasingApi {

	private final PurchasingService service;

	PurchasingApi(PurchasingService service) {
		this.service = service;
	}

	@Operation(operationId = "createPurchaseOrder",
			summary = "Draft a purchase order: an active supplier, lines of active items")
	@ApiResponse(responseCode = "201", description = "Drafted; Location names it")
	@PostMapping
	ResponseEntity<PurchaseOrder> create(@Valid @RequestBody NewPurchaseOrder order) {
		PurchaseOrder created = service.create(order);
		return withEtag(ResponseEntity.created(URI.create("/api/purchase-orders/" + created.id())), created);
	}

	@Operation(operationId = "getPurchaseOrder", summary = "One purchase order with its lines")
	@GetMapping("/{id}")
	ResponseEntity<PurchaseOrder> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), service.get(id));
	}

	@Operation(operationId = "listPurchaseOrders",
			summary = "Purchase orders, newest first; supplierId gives one supplier's (includeMerged, by default true,"
					+ " adds those of suppliers merged into it), status one status")
	@GetMapping
	Page<PurchaseOrder> list(@RequestParam(required = false) @Nullable Long supplierId,
			@RequestParam(defaultValue = "true") boolean includeMerged,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return service.list(supplierId, includeMerged, status, cursor, Page.limit(limit));
	}

	@Operation(operationId = "orderPurchaseOrder",
			summary = "Send a draft to the supplier; refused when its supplier or items are no longer active")
	@PostMapping("/{id}/order")
	ResponseEntity<PurchaseOrder> order(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), service.order(id));
	}

	@Operation(operationId = "receivePurchaseOrder",
			summary = "Receive an ordered purchase order: its quantities go onto stock on hand")
	@PostMapping("/{id}/receive")
	ResponseEntity<PurchaseOrder> receive(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), service.receive(id));
	}

	@Operation(operationId = "cancelPurchaseOrder",
			summary = "Cancel a draft or ordered purchase order; body {\"reason\"} is optional")
	@PostMapping("/{id}/cancel")
	ResponseEntity<PurchaseOrder> cancel(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return withEtag(ResponseEntity.ok(), service.cancel(id, body == null ? null : body.reason()));
	}

	private static ResponseEntity<PurchaseOrder> withEtag(ResponseEntity.BodyBuilder response, PurchaseOrder order) {
		return response.eTag(Preconditions.etag(order.version())).body(order);
	}

}
