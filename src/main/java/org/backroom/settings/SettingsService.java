package org.backroom.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validator;
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

	/** The key of {@link #deleteReferenced()}'s row. */
	private static final String DELETE_REFERENCED = "lifecycle.deleteReferenced";

	private final JdbcClient jdbc;

	private final LifecycleSettings lifecycleDefaults;

	private final TrashSettings trashDefaults;

	private final AuditTrail audit;

	private final RecordKinds kinds;

	private final Validator validator;

	SettingsService(JdbcClient jdbc, LifecycleSettings lifecycleDefaults, TrashSettings trashDefaults,
			AuditTrail audit, RecordKinds kinds, Validator validator) {
		this.validator = validator;
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
		return deleteReferenced(read(DELETE_REFERENCED).map(JsonNode::asString).orElse(null));
	}

	@Override
	public String deleteReferencedSql() {
		return "(SELECT value #>> '{}' FROM settings WHERE key = '" + DELETE_REFERENCED + "')";
	}

	@Override
	public DeleteReferenced deleteReferenced(@Nullable String stored) {
		return stored == null ? lifecycleDefaults.deleteReferenced() : DeleteReferenced.valueOf(stored);
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
	Map<String, @Nullable Object> change(SettingsChange change, String actor) {
		List<FieldError> errors = problems(change);
		if (!errors.isEmpty()) {
			throw new ValidationFailed(errors);
		}
		Map<String, @Nullable Object> changes = change.rows();
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

	/** What is wrong with a change, one problem a field, in the order of the settings: unknown members first. */
	private List<FieldError> problems(SettingsChange change) {
		Map<String, String> problems = new LinkedHashMap<>(change.unknownMembers(approvable()));
		validator.validate(change).forEach(violation -> problems.putIfAbsent(field(violation), violation.getMessage()));
		return change.fields()
			.stream()
			.filter(problems::containsKey)
			.map(field -> new FieldError(field, problems.get(field)))
			.toList();
	}

	/** {@code approvals.customer.reactivate} for the value of that key in approvals; {@code trash.retentionDays}. */
	private static String field(ConstraintViolation<?> violation) {
		StringJoiner field = new StringJoiner(".");
		violation.getPropertyPath()
			.forEach(node -> field.add(node.getKind() == ElementKind.CONTAINER_ELEMENT ? String.valueOf(node.getKey())
					: node.getName()));
		return field.toString();
	}

	/** The retention policy now: each rule's figure, or null while it is off. */
	public RetentionSettings retention() {
		return new RetentionSettings(number(RetentionSettings.MONTHS), number(RetentionSettings.YEARS));
	}

	private @Nullable Integer number(String key) {
		return read(key).filter(JsonNode::isIntegralNumber).map(JsonNode::asInt).orElse(null);
	}

	private Optional<JsonNode> read(String key) {
		return jdbc.sql("SELECT value::text FROM settings WHERE key = ?")
			.param(key)
			.query(String.class)
			.optional()
			.map(JSON::readTree);
	}

}
