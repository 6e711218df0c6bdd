package org.backroom.staff;

import jakarta.servlet.http.HttpServletRequest;
import org.backroom.permission.Permissions;
import org.backroom.lifecycle.LifecycleStatus;
import org.backroom.lifecycle.RecordActions;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff users as pages: the list and a user's page with roles, Actions and the sales they processed (loaded from
 * sales, which owns them). The lifecycle guards (nobody deactivates themselves, the last role manager stays) are
 * the shared lifecycle's, so the Actions menu and its dialogs already respect them.
 */
@PageController
class StaffPages {

	private final StaffService service;

	private final RecordActions actions;

	private final Permissions permissions;

	StaffPages(StaffService service, RecordActions actions, Permissions permissions) {
		this.service = service;
		this.actions = actions;
		this.permissions = permissions;
	}

	@GetMapping("/staff")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "active") String status,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("page", service.list(status, q, cursor, 25));
		model.addAttribute("canCreate", permissions.has("staff.create"));
		return Htmx.isPartial(request) ? "staff/list :: results" : "staff/list";
	}

	@GetMapping("/staff/{id:\\d+}")
	String record(@PathVariable long id, Model model) {
		Staff member = service.get(id);
		model.addAttribute("member", member);
		model.addAttribute("edit", permissions.has("staff.edit") && member.status() != LifecycleStatus.DELETED
				? "/staff/" + id + "/edit" : null);
		model.addAttribute("offers", actions.offered("staff", id));
		model.addAttribute("sales", permissions.has("sales.view"));
		return "staff/record";
	}

}
