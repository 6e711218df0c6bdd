package org.backroom.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.LifecyclePolicy;
import org.backroom.lifecycle.LifecycleSettings;
import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;
import org.backroom.lifecycle.RecordKinds;
import org.backroom.lifecycle.TrashSettings;
import org.backroom.web.ValidationFailed;
import org.backroom.web.ValidationFailed.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the store's settings. Each is one row of {@code settings}, read when used, so a change applies
 * to the next request on every instance; the configured properties are the defaults.
 */
@Service
public class SettingsService implements LifecyclePolicy {

	/** Actions beyond the record kinds' lifecycle that can be made to wait for a second pair of eyes. */
	private static final List<String> OTHER_APPROVABLE = List.of("bulk.deactivate", "customer.erase", "staff.erase",
			"customer.merge", "customer.unmerge", "item.merge", "item.unmerge", "supplier.merge", "supplier.unmerge");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final LifecycleSettings lifecycleDefaults;

	private final TrashSettings trashDefaults;

	private final AuditTrail audit;

	private final RecordKinds kinds;

	SettingsService(JdbcClient jdbc, LifecycleSettings lifecycleDefaults, TrashSettings trashDefaults,
			AuditTrail audit, RecordKinds kinds) {
		this.audit = audit;
		this.kinds = kinds;
		this.jdbc = jdbc;
		this.lifecycleDefaults = lifecycleDefaults;
		this.trashDefaults = trashDefaults;
	}

	/** The actions that can be made to wait for a second pair of eyes: each record kind's, then the others. */
	List<String> approvable() {
		List<String> actions = new ArrayList<>(kinds.approvableActions());
		actions.addAll(OTHER_APPROVABLE);
		return actions;
	}

	@PreAuthorize("@permissions.has('audit.view') or @permissions.require('settings.manage')")
	@Transactional(readOnly = true)
	StoreSettings current() {
		Map<String, Boolean> approvals = new LinkedHashMap<>();
		approvable().forEach(action -> approvals.put(action, approvalRequired(action)));
		return new StoreSettings(approvals, new StoreSettings.Lifecycle(deleteReferenced()),
				new StoreSettings.Trash((int) trashRetention().toDays()), new StoreSettings.Privacy(retention()));
	}

	/** Whether this action ({@code customer.reactivate}) must wait for approval now. */
	@Override
	public boolean approvalRequired(String action) {
		return read("approvals." + action).map(JsonNode::asBoolean).orElse(false);
	}

	@Override
	public DeleteReferenced deleteReferenced() {
		return read("lifecycle.deleteReferenced").map(value -> DeleteReferenced.valueOf(value.asString()))
			.orElse(lifecycleDefaults.deleteReferenced());
	}

	@Override
	public Duration trashRetention() {
		return read("trash.retentionDays").map(value -> Duration.ofDays(value.asInt())).orElse(trashDefaults.retention());
	}

	/** The store's name and address for receipts; readable by anyone signed in, since every receipt shows them. */
	@Transactional(readOnly = true)
	public StoreDetails storeDetails() {
		return new StoreDetails(read("store.name").map(JsonNode::asString).orElse(StoreDetails.DEFAULT_NAME),
				read("store.address").map(JsonNode::asString).orElse(""));
	}

	/** Applies the parts of a change that are present; everything is checked before anything is written. */
	@PreAuthorize("@permissions.require('settings.manage')")
	@Transactional
	Map<String, @Nullable Object> change(JsonNode patch, String actor) {
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		patch.path("approvals").properties().forEach(entry -> {
			if (!approvable().contains(entry.getKey())) {
				errors.add(new FieldError("approvals." + entry.getKey(), "is not an action that can require approval"));
			}
			else if (!entry.getValue().isBoolean()) {
				errors.add(new FieldError("approvals." + entry.getKey(), "must be true or false"));
			}
			else {
				changes.put("approvals." + entry.getKey(), entry.getValue().asBoolean());
			}
		});
		JsonNode deleteReferenced = patch.path("lifecycle").path("deleteReferenced");
		if (!deleteReferenced.isMissingNode()) {
			String value = deleteReferenced.asString("").toUpperCase(Locale.ROOT);
			if (!value.equals("REFUSE") && !value.equals("DEACTIVATE")) {
				errors.add(new FieldError("lifecycle.deleteReferenced", "must be refuse or deactivate"));
			}
			else {
				changes.put("lifecycle.deleteReferenced", value);
			}
		}
		JsonNode retention = patch.path("trash").path("retentionDays");
		if (!retention.isMissingNode()) {
			if (!retention.isIntegralNumber() || !retention.canConvertToInt() || retention.asInt() < 1
					|| retention.asInt() > 3650) {
				errors.add(new FieldError("trash.retentionDays", "must be a whole number of days from 1 to 3650"));
			}
			else {
				changes.put("trash.retentionDays", retention.asInt());
			}
		}
		Map<String, @Nullable Object> privacy = new LinkedHashMap<>();
		RetentionSettings.parse(patch, privacy, errors);
		storeChanges(patch.path("store"), changes, errors);
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		changes.putAll(privacy);
		changes.forEach((key, value) -> jdbc.sql("""
				INSERT INTO settings (key, value, updated_by) VALUES (?, ?::jsonb, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now(), updated_by = excluded.updated_by""")
			.params(key, value == null ? "null" : JSON.writeValueAsString(value), actor)
			.update());
		if (!changes.isEmpty()) {
			audit.record("settings.update", null, null, null, changes);
		}
		return changes;
	}

	/** The retention policy now: each rule's figure, or null while it is off. */
	public RetentionSettings retention() {
		return new RetentionSettings(number(RetentionSettings.MONTHS), number(RetentionSettings.YEARS));
	}

	private @Nullable Integer number(String key) {
		return read(key).filter(JsonNode::isIntegralNumber).map(JsonNode::asInt).orElse(null);
	}

	/** {@code store.name} (1 to 100 characters) and {@code store.address} (up to 300), as receipts print them. */
	private static void storeChanges(JsonNode store, Map<String, Object> changes, List<FieldError> errors) {
		store.properties().forEach(entry -> {
			int most = entry.getKey().equals("name") ? 100 : entry.getKey().equals("address") ? 300 : -1;
			String text = entry.getValue().isString() ? entry.getValue().asString().strip() : null;
			if (most < 0) {
				errors.add(new FieldError("store." + entry.getKey(), "is not a store setting (name, address)"));
			}
			else if (text == null || text.length() > most || (most == 100 && text.isEmpty())) {
				errors.add(new FieldError("store." + entry.getKey(), "must be text of at most " + most + " characters"
						+ (most == 100 ? ", not blank" : "")));
			}
			else {
				changes.put("store." + entry.getKey(), text);
			}
		});
	}

	private Optional<JsonNode> read(String key) {
		return jdbc.sql("SELECT value::text FROM settings WHERE key = ?")
			.param(key)
			.query(String.class)
			.optional()
			.map(JSON::readTree);
	}

}
