package org.backroom.lifecycle;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.permission.Permissions;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action dialogs of every record page, written once like the lifecycle API: the impact preview and a reason
 * first, then the same path as {@code POST /api/…/deactivate}: the approval gate, or the lifecycle.
 */
@PageController
@RequestMapping("/{kind}/{id}/actions/{verb:deactivate|reactivate|delete|restore|purge}")
class LifecyclePages {

	private final RecordKinds kinds;

	private final LifecycleActions actions;

	private final ActionDialogs dialogs;

	private final Permissions permissions;

	LifecyclePages(RecordKinds kinds, LifecycleActions actions, ActionDialogs dialogs, Permissions permissions) {
		this.kinds = kinds;
		this.actions = actions;
		this.dialogs = dialogs;
		this.permissions = permissions;
	}

	/** The dialog: a fragment for the record page (htmx), or a page of its own without script. */
	@GetMapping
	String dialog(@PathVariable String kind, @PathVariable long id, @PathVariable String verb,
			@RequestParam(required = false) @Nullable String back, HttpServletRequest request, Model model) {
		RecordKind recordKind = kinds.byPath(kind);
		Transition transition = transition(verb);
		// A form the server would refuse must not be offered: without the permission the dialog itself is a 403.
		permissions.require(recordKind.name() + "." + transition.verb());
		model.addAttribute("d", dialogs.dialog(recordKind, id, transition, safe(back, kind, id)));
		model.addAttribute("reason", "");
		return Htmx.isPartial(request) ? "lifecycle/dialog :: dialog" : "lifecycle/action";
	}

	@PostMapping
	String act(@PathVariable String kind, @PathVariable long id, @PathVariable String verb,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) @Nullable String back,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		RecordKind recordKind = kinds.byPath(kind);
		Transition transition = transition(verb);
		String returnTo = safe(back, kind, id);
		try {
			LifecycleActions.Result result = actions.perform(recordKind, id, transition, Reason.require(reason));
			redirect.addFlashAttribute("message", result instanceof LifecycleActions.Done done ? done.outcome().detail()
					: "Request sent: " + recordKind.name() + " " + transition.verb()
							+ " waits for another person's approval; nothing has changed yet.");
			boolean gone = transition == Transition.PURGE && result instanceof LifecycleActions.Done;
			return "redirect:" + (gone && returnTo.equals(recordPage(kind, id)) ? "/trash" : returnTo);
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("d", dialogs.dialog(recordKind, id, transition, returnTo));
			model.addAttribute("error", refusal.getMessage());
			model.addAttribute("reason", reason);
			return "lifecycle/action";
		}
	}

	private static Transition transition(String verb) {
		return Transition.valueOf(verb.toUpperCase(Locale.ROOT));
	}

	/** Where to go afterwards: a page of ours, never another site. */
	private static String safe(@Nullable String back, String kind, long id) {
		return back != null && back.startsWith("/") && !back.startsWith("//") ? back : recordPage(kind, id);
	}

	private static String recordPage(String kind, long id) {
		return "/" + kind + "/" + id;
	}

}
