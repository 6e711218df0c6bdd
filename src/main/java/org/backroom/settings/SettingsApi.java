package org.backroom.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.backroom.staff.StaffPrincipal;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The store's settings as JSON. */
@Tag(name = "settings")
@RestController
class SettingsApi {

	private final SettingsService settings;

	SettingsApi(SettingsService settings) {
		this.settings = settings;
	}

	@Operation(operationId = "getSettings",
			summary = "The store settings: approval policies, delete behaviour, trash retention")
	@GetMapping("/api/settings")
	StoreSettings get() {
		return settings.current();
	}

	@Operation(operationId = "changeSettings",
			summary = "Change any part: {approvals: {customer.reactivate: true}, lifecycle: {deleteReferenced}, "
					+ "trash: {retentionDays}}",
			// The body is read as a tree to tell a member left out from one set to null; its shape is the settings'.
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = StoreSettings.class))))
	@PatchMapping("/api/settings")
	StoreSettings change(@RequestBody JsonNode patch) {
		settings.change(SettingsChange.read(patch), StaffPrincipal.current().map(me -> me.username()).orElse("system"));
		return settings.current();
	}

}
