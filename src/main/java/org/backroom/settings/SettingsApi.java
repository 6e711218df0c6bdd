package org.backroom.settings;

import io.swagger.v3.oas.annotations.Operation;
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

	@GetMapping("/api/settings")
	StoreSettings get() {
		return settings.current();
	}

	@Operation(summary = "Change any part: {approvals: {customer.reactivate: true}, lifecycle: {deleteReferenced}, trash: {retentionDays}}")
	@PatchMapping("/api/settings")
	StoreSettings change(@RequestBody JsonNode patch) {
		settings.change(patch, StaffPrincipal.current().map(me -> me.username()).orElse("system"));
		return settings.current();
	}

}
