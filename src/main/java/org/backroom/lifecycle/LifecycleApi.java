package org.backroom.lifecycle;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.web.Preconditions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle endpoints of every master record kind, written once: {@code /api/customers/12/deactivate} and
 * {@code /api/items/3/deactivate} are the same code.
 */
@Tag(name = LifecycleOpenApi.TAG, description = "The lifecycle every kind of master record shares")
@RestController
@RequestMapping("/api/{kind}/{id}")
class LifecycleApi {

	private static final String HELD = "Held for approval: the pending approval request (Location names it)";

	private static final String APPROVAL = "#/components/schemas/ApprovalRequest";

	private final RecordKinds kinds;

	private final Lifecycle lifecycle;

	private final LifecycleActions actions;

	LifecycleApi(RecordKinds kinds, Lifecycle lifecycle, LifecycleActions actions) {
		this.kinds = kinds;
		this.lifecycle = lifecycle;
		this.actions = actions;
	}

	@Operation(operationId = "deactivateRecord",
			summary = "Deactivate: hide from pickers and new work, keep all history",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true))
	@ApiResponse(responseCode = "200", description = "The record after the transition, with its ETag",
			content = @Content(schema = @Schema(implementation = LifecycleAnswers.LifecycleRecord.class)))
	@ApiResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(ref = APPROVAL)))
	@PostMapping("/deactivate")
	ResponseEntity<Object> deactivate(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		return transition(kind, id, Transition.DEACTIVATE, body);
	}

	@Operation(operationId = "reactivateRecord", summary = "Reactivate an inactive record",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true))
	@ApiResponse(responseCode = "200", description = "The record after the transition, with its ETag",
			content = @Content(schema = @Schema(implementation = LifecycleAnswers.LifecycleRecord.class)))
	@ApiResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(ref = APPROVAL)))
	@PostMapping("/reactivate")
	ResponseEntity<Object> reactivate(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		return transition(kind, id, Transition.REACTIVATE, body);
	}

	@Operation(operationId = "restoreRecord", summary = "Restore a record from the trash",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true))
	@ApiResponse(responseCode = "200", description = "The record after the transition, with its ETag",
			content = @Content(schema = @Schema(implementation = LifecycleAnswers.LifecycleRecord.class)))
	@ApiResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(ref = APPROVAL)))
	@PostMapping("/restore")
	ResponseEntity<Object> restore(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		return transition(kind, id, Transition.RESTORE, body);
	}

	@Operation(operationId = "purgeRecord", summary = "Purge a record from the trash for good",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true))
	@ApiResponse(responseCode = "200", description = "Purged",
			content = @Content(schema = @Schema(implementation = LifecycleAnswers.PurgeOutcome.class)))
	@ApiResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(ref = APPROVAL)))
	@PostMapping("/purge")
	ResponseEntity<Object> purge(@PathVariable String kind, @PathVariable long id,
			@RequestBody(required = false) @Nullable Reason body) {
		RecordKind recordKind = kinds.byPath(kind);
		LifecycleActions.Result result = actions.perform(recordKind, id, Transition.PURGE, Reason.require(reason(body)));
		if (result instanceof LifecycleActions.Held held) {
			return accepted(held);
		}
		Lifecycle.Outcome outcome = ((LifecycleActions.Done) result).outcome();
		return ResponseEntity.ok(Map.of("outcome", "PURGED", "recordKind", recordKind.name(), "recordId", id, "detail",
				outcome.detail()));
	}

	@Operation(operationId = "deleteRecord",
			summary = "Delete to the trash; refused (or deactivated instead, by setting) when referenced")
	@ApiResponse(responseCode = "200", description = "Deleted to the trash, or deactivated instead",
			content = @Content(schema = @Schema(implementation = LifecycleAnswers.DeleteOutcome.class)))
	@ApiResponse(responseCode = "202", description = HELD, content = @Content(schema = @Schema(ref = APPROVAL)))
	@DeleteMapping
	ResponseEntity<Object> delete(@PathVariable String kind, @PathVariable long id,
			@Parameter(description = "why the record is deleted", required = true)
			@RequestParam(required = false) @Nullable String reason) {
		RecordKind recordKind = kinds.byPath(kind);
		LifecycleActions.Result result = actions.perform(recordKind, id, Transition.DELETE, Reason.require(reason));
		if (result instanceof LifecycleActions.Held held) {
			return accepted(held);
		}
		Lifecycle.Outcome outcome = ((LifecycleActions.Done) result).outcome();
		RecordKind.Versioned record = view(recordKind, id);
		String performed = outcome.performed() == Transition.DELETE ? "DELETED" : "DEACTIVATED";
		return ResponseEntity.ok()
			.eTag(Preconditions.etag(record.version()))
			.body(Map.of("outcome", performed, "detail", outcome.detail(), "record", record));
	}

	@Operation(operationId = "recordImpact",
			summary = "Impact preview: dependents, open work, and which transitions are allowed now")
	@GetMapping("/impact")
	Impact impact(@PathVariable String kind, @PathVariable long id) {
		return lifecycle.impact(kinds.byPath(kind), id);
	}

	private ResponseEntity<Object> transition(String kind, long id, Transition transition, @Nullable Reason body) {
		RecordKind recordKind = kinds.byPath(kind);
		LifecycleActions.Result result = actions.perform(recordKind, id, transition, Reason.require(reason(body)));
		if (result instanceof LifecycleActions.Held held) {
			return accepted(held);
		}
		RecordKind.Versioned record = view(recordKind, id);
		return ResponseEntity.ok().eTag(Preconditions.etag(record.version())).body(record);
	}

	/** 202 Accepted with the pending approval request, when the store wants a second pair of eyes on this. */
	private static ResponseEntity<Object> accepted(LifecycleActions.Held held) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/approvals/" + held.request().id()))
			.body(held.request());
	}

	private static RecordKind.Versioned view(RecordKind kind, long id) {
		return kind.view().apply(id).orElseThrow(() -> new RecordNotFound(kind.name(), id));
	}

	private static @Nullable String reason(@Nullable Reason body) {
		return body == null ? null : body.reason();
	}

}
