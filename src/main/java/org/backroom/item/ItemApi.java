package org.backroom.item;

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

/** Items as JSON. Lifecycle transitions (deactivate, delete, ...) are in the shared lifecycle API. */
@Tag(name = "items")
@RestController
@RequestMapping("/api/items")
class ItemApi {

	private final ItemService service;

	ItemApi(ItemService service) {
		this.service = service;
	}

	@Operation(operationId = "listItems",
			summary = "Find items: q matches sku, name, barcode; status active (default), inactive, all, deleted")
	@GetMapping
	Page<Item> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "active") String status, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return service.list(status, q, cursor, Page.limit(limit));
	}

	@Operation(operationId = "lookupItems",
			summary = "What pickers offer: active items only, at most 20; an exact barcode comes first")
	@GetMapping("/lookup")
	List<ItemLookups.Lookup> lookup(@RequestParam(required = false) @Nullable String q) {
		return service.lookup(q);
	}

	@Operation(operationId = "getItem", summary = "One item, with its ETag")
	@GetMapping("/{id}")
	ResponseEntity<Item> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), service.get(id));
	}

	@Operation(operationId = "createItem", summary = "Create a item")
	@ApiResponse(responseCode = "201", description = "Created; Location names it")
	@PostMapping
	ResponseEntity<Item> create(@Valid @RequestBody ItemForm form) {
		Item item = service.create(form);
		return withEtag(ResponseEntity.created(URI.create("/api/items/" + item.id())), item);
	}

	@Operation(operationId = "updateItem", summary = "Edit an item; If-Match with the ETag you read is required")
	@PutMapping("/{id}")
	ResponseEntity<Item> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody ItemForm form) {
		return withEtag(ResponseEntity.ok(), service.update(id, Preconditions.expectedVersion(ifMatch), form));
	}

	private static ResponseEntity<Item> withEtag(ResponseEntity.BodyBuilder response, Item item) {
		return response.eTag(Preconditions.etag(item.version())).body(item);
	}

}
