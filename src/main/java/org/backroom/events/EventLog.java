package org.backroom.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backroom.audit.AuditErasure;
import org.backroom.audit.AuditTrail;
import org.backroom.audit.PersonalData;
import org.backroom.lifecycle.RecordNames;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the events other systems hear of, in the transaction that records the change in the audit trail: a change
 * that rolls back leaves no event, and no committed change that other systems should hear of lacks one. One
 * multi-row statement per audit write, so a bulk batch of a thousand records adds one statement, not a thousand.
 *
 * <p>An event carries no personal data: the record's kind, id and code, who acted, why, and the non-personal facts
 * of the change (statuses, the survivor of a merge, an order's number, customer id and total). Names, e-mail
 * addresses and phone numbers stay in the store, where erasure can reach them. A reason may still quote a person;
 * erasing the person blanks the reasons of their record's events, and their values where others quote them.
 */
@Component
class EventLog {

	/** The facts of a change that are not personal data and that other systems act on. */
	private static final Set<String> FACTS = Set.of("status", "mergedInto", "number", "customerId", "supplierId",
			"payment", "total");

	private static final String INSERT = """
			INSERT INTO events (type, version, record_kind, record_id, payload)
			SELECT r.type, r.version, r.kind, r.record_id, r.payload
			FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(type text, version int, kind text, record_id bigint,
			                                                     payload jsonb)""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RecordNames names;

	EventLog(JdbcClient jdbc, JsonMapper json, RecordNames names) {
		this.jdbc = jdbc;
		this.json = json;
		this.names = names;
	}

	@EventListener
	void on(AuditTrail.Recorded recorded) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (AuditTrail.Entry entry : recorded.entries()) {
			if (entry.recordKind() == null || entry.recordId() == null) {
				continue;
			}
			EventTypes.of(entry.action(), entry.recordKind()).ifPresent(type -> rows.add(row(type, entry, recorded)));
		}
		if (!rows.isEmpty()) {
			addCodes(rows);
			jdbc.sql(INSERT).param("rows", json.writeValueAsString(rows)).update();
		}
	}

	private static Map<String, Object> row(String type, AuditTrail.Entry entry, AuditTrail.Recorded recorded) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", entry.recordKind());
		payload.put("id", entry.recordId());
		payload.put("code", null);
		payload.put("reason", entry.reason());
		payload.put("by", recorded.actor());
		Map<String, Object> facts = new LinkedHashMap<>();
		if (entry.changes() != null) {
			entry.changes().forEach((key, value) -> {
				if (FACTS.contains(key)) {
					facts.put(key, value);
				}
			});
		}
		payload.put("changes", facts);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("type", type);
		row.put("version", EventTypes.VERSION);
		row.put("kind", entry.recordKind());
		row.put("record_id", entry.recordId());
		row.put("payload", payload);
		return row;
	}

	@SuppressWarnings("unchecked")
	private void addCodes(List<Map<String, Object>> rows) {
		Map<String, List<Long>> idsByKind = new LinkedHashMap<>();
		rows.forEach(row -> idsByKind.computeIfAbsent((String) row.get("kind"), kind -> new ArrayList<>())
			.add((Long) row.get("record_id")));
		Map<String, Map<Long, String>> codes = new LinkedHashMap<>();
		idsByKind.forEach((kind, ids) -> codes.put(kind, names.codes(kind, ids)));
		rows.forEach(row -> ((Map<String, Object>) row.get("payload")).put("code",
				codes.get((String) row.get("kind")).get((Long) row.get("record_id"))));
	}

	/**
	 * Blanks an erased person from the stored events as the trail was blanked: the reasons of their own record's
	 * events, their values wherever another event's reason quotes them, and their user name as who acted (their
	 * pseudonym instead). Scans the reasons of every event, as the trail's erasure scans every entry.
	 */
	@EventListener
	void on(AuditErasure.PersonErased erased) {
		PersonalData person = erased.person();
		jdbc.sql("UPDATE events SET payload = payload || '{\"reason\": null}' WHERE record_kind = ? AND record_id = ?"
				+ " AND payload ->> 'reason' IS NOT NULL")
			.params(person.recordKind(), person.recordId())
			.update();
		if (person.actor() != null) {
			jdbc.sql("UPDATE events SET payload = jsonb_set(payload, '{by}', to_jsonb(CAST(? AS text)))"
					+ " WHERE payload ->> 'by' = ?")
				.params(person.pseudonym(), person.actor())
				.update();
		}
		jdbc.sql("SELECT id, payload ->> 'reason' AS reason FROM events WHERE payload ->> 'reason' IS NOT NULL")
			.query((rs, row) -> new Quote(rs.getLong("id"), rs.getString("reason")))
			.list()
			.stream()
			.filter(quote -> !person.scrub(quote.reason()).equals(quote.reason()))
			.forEach(quote -> jdbc.sql("UPDATE events SET payload = jsonb_set(payload, '{reason}', to_jsonb(CAST(? AS text)))"
					+ " WHERE id = ?")
				.params(person.scrub(quote.reason()), quote.id())
				.update());
	}

	private record Quote(long id, String reason) {
	}

}
