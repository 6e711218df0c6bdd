package org.backroom.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backroom.backup.Backups;
import org.backroom.permission.Permissions;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.BoundForms;
import org.backroom.web.PageController;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings as a form. Saving builds the same change {@code PATCH /api/settings} takes and hands it to
 * {@link SettingsService#change}, so the checks (which actions, which behaviours, how many days) are the service's.
 */
@PageController
class SettingsPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SettingsService settings;

	private final Permissions permissions;

	private final Backups backups;

	private final BoundForms forms;

	SettingsPages(SettingsService settings, Permissions permissions, Backups backups, BoundForms forms) {
		this.settings = settings;
		this.permissions = permissions;
		this.backups = backups;
		this.forms = forms;
	}

	/** The form's values: which actions need approval, the delete behaviour, the retention and the store, as typed. */
	record Values(Map<String, Boolean> approvals, String deleteReferenced, String retentionDays,
			@Nullable String storeName, @Nullable String storeAddress) {
	}

	@GetMapping("/settings")
	String show(Model model) {
		StoreSettings current = settings.current();
		StoreDetails store = settings.storeDetails();
		Values values = new Values(current.approvals(), current.lifecycle().deleteReferenced().name(),
				String.valueOf(current.trash().retentionDays()), store.name(), store.address());
		return form(model, values, Map.of());
	}

	/**
	 * The form as sent: the ticked actions, the delete behaviour, the retention as typed, and the store's name and
	 * address (left as they are when not sent; the address's line breaks as a browser sends them, CR LF, become LF).
	 */
	record SettingsForm(List<String> approval, String deleteReferenced, String retentionDays,
			@Nullable String storeName, @Nullable String storeAddress) {

		SettingsForm(@Nullable List<String> approval, @Nullable String deleteReferenced,
				@Nullable String retentionDays, @Nullable String storeName, @Nullable String storeAddress) {
			this.approval = approval == null ? List.of() : List.copyOf(approval);
			this.deleteReferenced = deleteReferenced == null ? "" : deleteReferenced;
			this.retentionDays = retentionDays == null ? "" : retentionDays.strip();
			this.storeName = storeName;
			this.storeAddress = storeAddress == null ? null : storeAddress.replace("\r\n", "\n");
		}

	}

	@PostMapping("/settings")
	String save(@ModelAttribute("settingsForm") SettingsForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, Boolean> approvals = new LinkedHashMap<>();
		settings.approvable().forEach(action -> approvals.put(action, form.approval().contains(action)));
		Values values = new Values(approvals, form.deleteReferenced(), form.retentionDays(), form.storeName(),
				form.storeAddress());
		try {
			Map<String, Object> changed = settings.change(
					SettingsChange.read(patch(values, settings.current(), settings.storeDetails())),
					StaffPrincipal.current().map(me -> me.username()).orElse("system"));
			redirect.addFlashAttribute("message", changed.isEmpty() ? "Nothing to save." : "Settings saved.");
			return "redirect:/settings";
		}
		catch (ValidationFailed failed) {
			response.setStatus(422);
			BoundForms.rejectNamed(result, failed);
			return form(model, values, forms.byField(result));
		}
	}

	/**
	 * The change as the API would receive it: only what differs from now, so the audit trail records what was
	 * changed. A retention that is not a number goes as text so that the service refuses it with its own message.
	 */
	private static ObjectNode patch(Values values, StoreSettings current, StoreDetails store) {
		ObjectNode patch = JSON.createObjectNode();
		ObjectNode approvals = patch.putObject("approvals");
		values.approvals().forEach((action, required) -> {
			if (!required.equals(current.approvals().get(action))) {
				approvals.put(action, required);
			}
		});
		if (!values.deleteReferenced().equals(current.lifecycle().deleteReferenced().name())) {
			patch.putObject("lifecycle").put("deleteReferenced", values.deleteReferenced());
		}
		String days = values.retentionDays();
		if (!days.equals(String.valueOf(current.trash().retentionDays()))) {
			ObjectNode trash = patch.putObject("trash");
			if (days.matches("-?\\d{1,9}")) {
				trash.put("retentionDays", Integer.parseInt(days));
			}
			else {
				trash.put("retentionDays", days);
			}
		}
		ObjectNode changedStore = storePatch(values, store);
		if (!changedStore.isEmpty()) {
			patch.set("store", changedStore);
		}
		return patch;
	}

	/** The store's name and address where they were sent and differ from now (the service strips both). */
	private static ObjectNode storePatch(Values values, StoreDetails store) {
		ObjectNode changed = JSON.createObjectNode();
		if (values.storeName() != null && !values.storeName().strip().equals(store.name())) {
			changed.put("name", values.storeName());
		}
		if (values.storeAddress() != null && !values.storeAddress().strip().equals(store.address())) {
			changed.put("address", values.storeAddress());
		}
		return changed;
	}

	private String form(Model model, Values values, Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", permissions.has("settings.manage"));
		boolean canBackUp = permissions.has("backup.manage");
		model.addAttribute("canBackUp", canBackUp);
		model.addAttribute("backups", canBackUp ? backups.list() : List.of());
		return "settings/form";
	}

}
