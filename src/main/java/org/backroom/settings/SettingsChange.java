package org.backroom.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.Valid;
import org.backroom.settings.Sent.Flag;
import org.backroom.settings.Sent.OneOf;
import org.backroom.settings.Sent.Text;
import org.backroom.settings.Sent.WholeNumber;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to the settings, as {@code PATCH /api/settings} takes it: any of its parts, each member left out
 * ({@code null}) changes nothing. Each value is kept as it was sent, so that the {@link Sent} constraints can refuse
 * a value of the wrong JSON type and tell a member set to {@code null} from one left out.
 *
 * @param approvals for actions, whether they must wait for approval ({@code "customer.reactivate": true})
 * @param lifecycle what deleting a referenced record does
 * @param trash how long deleted records stay restorable
 * @param privacy the retention review's policy
 * @param store who the store is, as receipts print it
 */
record SettingsChange(Map<String, @Flag JsonNode> approvals, @Valid Lifecycle lifecycle, @Valid Trash trash,
		@Valid Privacy privacy, @Valid Store store) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final List<String> PARTS = List.of("approvals", "lifecycle", "trash", "privacy", "store");

	/** A part left out is read as {@code null}; here it becomes one with every member left out. */
	SettingsChange {
		approvals = approvals == null ? Map.of() : approvals;
		lifecycle = lifecycle == null ? new Lifecycle(null) : lifecycle;
		trash = trash == null ? new Trash(null) : trash;
		privacy = privacy == null ? new Privacy(new Retention(null, null)) : privacy;
		store = store == null ? new Store(null, null, Map.of()) : store;
	}

	record Lifecycle(
			@OneOf(value = { "REFUSE", "DEACTIVATE" }, message = "must be refuse or deactivate") @Nullable JsonNode deleteReferenced) {
	}

	record Trash(@WholeNumber(min = 1, max = 3650,
			message = "must be a whole number of days from 1 to 3650") @Nullable JsonNode retentionDays) {
	}

	record Privacy(@Valid Retention retention) {

		Privacy {
			retention = retention == null ? new Retention(null, null) : retention;
		}

	}

	/** {@code null} sent for a rule turns it off. */
	record Retention(
			@WholeNumber(min = 1, max = 1200, nullable = true,
					message = "must be a whole number from 1 to 1200, or null for off") @Nullable JsonNode deactivateAfterMonthsWithoutSale,
			@WholeNumber(min = 1, max = 100, nullable = true,
					message = "must be a whole number from 1 to 100, or null for off") @Nullable JsonNode eraseAfterYearsInactive) {

		/** A rule's figure, or {@code null} to turn it off. */
		static @Nullable Integer figure(JsonNode sent) {
			return sent.isNull() ? null : sent.asInt();
		}

	}

	/** The address keeps its line breaks; both are stored stripped. Any other member is not a store setting. */
	record Store(
			@Text(max = 100, blank = false,
					message = "must be text of at most 100 characters, not blank") @Nullable JsonNode name,
			@Text(max = 300, message = "must be text of at most 300 characters") @Nullable JsonNode address,
			@JsonAnySetter Map<String, JsonNode> others) {

		Store {
			others = others == null ? Map.of() : others;
		}

	}

	/**
	 * Reads a change the way the API always has: a part that is not an object (or a body that is not one) changes
	 * nothing, and members it does not know are left out, except in {@code approvals} and {@code store}, where
	 * {@link #unknownMembers} names them.
	 */
	static SettingsChange read(JsonNode body) {
		ObjectNode parts = JSON.createObjectNode();
		PARTS.stream().filter(part -> body.path(part).isObject()).forEach(part -> parts.set(part, body.get(part)));
		if (!body.path("privacy").path("retention").isObject()) {
			parts.remove("privacy");
		}
		return JSON.treeToValue(parts, SettingsChange.class);
	}

	/** The members that are no setting at all, with what is wrong with them, by field. */
	Map<String, String> unknownMembers(List<String> approvable) {
		Map<String, String> unknown = new LinkedHashMap<>();
		approvals().keySet()
			.stream()
			.filter(action -> !approvable.contains(action))
			.forEach(action -> unknown.put("approvals." + action, "is not an action that can require approval"));
		store().others().keySet()
			.forEach(member -> unknown.put("store." + member, "is not a store setting (name, address)"));
		return unknown;
	}

	/** Every field this change sets, in the order its problems are told. */
	List<String> fields() {
		List<String> fields = new ArrayList<>();
		approvals().keySet().forEach(action -> fields.add("approvals." + action));
		fields.addAll(List.of("lifecycle.deleteReferenced", "trash.retentionDays", RetentionSettings.MONTHS,
				RetentionSettings.YEARS, "store.name", "store.address"));
		store().others().keySet().forEach(member -> fields.add("store." + member));
		return fields;
	}

	/** The settings rows this (valid) change writes, by key; {@code null} turns a retention rule off. */
	Map<String, @Nullable Object> rows() {
		Map<String, @Nullable Object> rows = new LinkedHashMap<>();
		approvals.forEach((action, required) -> rows.put("approvals." + action, required.asBoolean()));
		put(rows, "lifecycle.deleteReferenced", lifecycle.deleteReferenced(), Sent::upperCase);
		put(rows, "trash.retentionDays", trash.retentionDays(), JsonNode::asInt);
		put(rows, "store.name", store.name(), value -> value.asString().strip());
		put(rows, "store.address", store.address(), value -> value.asString().strip());
		Retention retention = privacy.retention();
		put(rows, RetentionSettings.MONTHS, retention.deactivateAfterMonthsWithoutSale(), Retention::figure);
		put(rows, RetentionSettings.YEARS, retention.eraseAfterYearsInactive(), Retention::figure);
		return rows;
	}

	private static void put(Map<String, @Nullable Object> rows, String key, @Nullable JsonNode sent,
			Function<JsonNode, @Nullable Object> value) {
		if (sent != null) {
			rows.put(key, value.apply(sent));
		}
	}

}
