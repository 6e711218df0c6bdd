package org.backroom.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.backroom.audit.ErasureCandidates.Stored;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure's one way through the append-only guard (V19, V20): records the {@code <kind>.erase} entry through the
 * normal {@link AuditTrail#record}, declares the erase path, and blanks the person's data in every entry that carries
 * it: the entries about their record, about records that copied their data (a customer's sales orders), entries
 * that quote their name, e-mail or phone anywhere, and for staff the entries they made. id, time and payload digest
 * stay, so the chain verifies and {@code /api/audit/verify} names the erasing entry.
 *
 * <p>A staff member's entries keep an actor: their pseudonym, the placeholder user name their record now has.
 * Blanking it would lose which entries one person made (what an auditor reconstructs a shift from) while the
 * pseudonym identifies nobody; their sign-in addresses are blanked.
 */
@Service
public class AuditErasure {

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ErasureCandidates found;

	private final ApplicationEventPublisher publisher;

	AuditErasure(AuditTrail trail, JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher) {
		this.trail = trail;
		this.jdbc = jdbc;
		this.json = json;
		this.found = new ErasureCandidates(jdbc);
		this.publisher = publisher;
	}

	/** What erasing would blank: how many entries, found as {@link #erase} would find them. */
	@Transactional(readOnly = true)
	public int preview(PersonalData person) {
		return plan(person).blanks().size();
	}

	/**
	 * Records the erasure and blanks the person's data in the trail, in the caller's transaction. The reason and
	 * facts of the erasure entry itself are scrubbed first: a reason that quotes the name must not keep it.
	 *
	 * @return the erasure entry's id and how many entries it blanked
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Erased erase(PersonalData person, String reason, Map<String, ?> facts) {
		Plan plan = plan(person);
		List<Blank> blanks = plan.blanks();
		Scrubber scrubber = plan.scrubber();
		Map<String, Object> changes = new LinkedHashMap<>(facts);
		changes.put("auditEntriesBlanked", blanks.size());
		trail.record(person.recordKind() + ".erase", person.recordKind(), person.recordId(),
				scrubber.text(reason), changes);
		long entry = jdbc.sql("SELECT id FROM audit_log WHERE action = ? AND record_kind = ? AND record_id = ?"
				+ " ORDER BY id DESC LIMIT 1")
			.params(person.recordKind() + ".erase", person.recordKind(), person.recordId())
			.query(Long.class)
			.single();
		jdbc.sql("SELECT set_config('backroom.audit_path', 'erase', true)").query(String.class).single();
		for (Blank blank : blanks) {
			jdbc.sql("""
					UPDATE audit_log SET actor = ?, reason = ?, changes = CAST(? AS jsonb), address = ?, erased = true,
					                     erased_by = ?
					WHERE id = ?""")
				.params(blank.actor(), blank.reason(), blank.changes(), blank.address(), entry, blank.id())
				.update();
		}
		jdbc.sql("SELECT set_config('backroom.audit_path', '', true)").query(String.class).single();
		// Whatever else keeps a copy of what the trail recorded (the events for other systems) blanks it too, here.
		publisher.publishEvent(new PersonErased(person));
		return new Erased(entry, blanks.size());
	}

	/** Published in the erasing transaction, after the trail is blanked, for listeners that keep copies of it. */
	public record PersonErased(PersonalData person) {
	}

	/** The entries about one record, oldest first, as a person's own copy of their data shows them. */
	@Transactional(readOnly = true)
	public List<Map<String, @Nullable Object>> entriesAbout(String recordKind, long recordId) {
		return jdbc.sql("SELECT " + AuditEntry.COLUMNS + ", erased FROM audit_log WHERE record_kind = ? AND record_id = ?"
				+ " ORDER BY id")
			.params(recordKind, recordId)
			.query((rs, row) -> {
				Map<String, @Nullable Object> entry = new LinkedHashMap<>();
				entry.put("id", rs.getLong("id"));
				entry.put("at", AuditEntry.from(rs, row).at().toString());
				entry.put("actor", rs.getString("actor"));
				entry.put("action", rs.getString("action"));
				entry.put("reason", rs.getString("reason"));
				entry.put("changes", rs.getString("changes"));
				entry.put("erased", rs.getBoolean("erased"));
				return entry;
			})
			.list();
	}

	/** The erasure's own entry and how many earlier entries it blanked. */
	public record Erased(long entry, int blanked) {
	}

	/** One entry's content after blanking. */
	private record Blank(long id, String actor, @Nullable String reason, @Nullable String changes,
			@Nullable String address) {
	}

	/** The entries to blank, and the scrubber that found them. */
	private record Plan(Scrubber scrubber, List<Blank> blanks) {
	}

	private Plan plan(PersonalData person) {
		List<Stored> own = found.about(person);
		Scrubber scrubber = scrubber(person, formerValues(own, person.keys()));
		List<Blank> blanks = new ArrayList<>();
		for (Stored entry : found.candidates(person, scrubber)) {
			Blank blank = blank(person, scrubber, entry);
			if (!Objects.equals(blank, new Blank(entry.id(), entry.actor(), entry.reason(), normalized(entry.changes()),
					entry.address()))) {
				blanks.add(blank);
			}
		}
		return new Plan(scrubber, blanks);
	}

	private Blank blank(PersonalData person, Scrubber scrubber, Stored entry) {
		boolean aboutThem = person.recordKind().equals(entry.recordKind()) && Objects.equals(person.recordId(),
				entry.recordId()) || person.related().stream().anyMatch(related -> related.recordKind()
					.equals(entry.recordKind()) && related.ids().contains(entry.recordId()));
		boolean theirs = person.actor() != null && person.actor().equals(entry.actor());
		String changes = entry.changes() == null ? null
				: json.writeValueAsString(scrubber.json(json.readTree(entry.changes()), aboutThem));
		boolean signIn = theirs || person.actor() != null && entry.changes() != null
				&& !Objects.equals(changes, normalized(entry.changes()));
		return new Blank(entry.id(), theirs ? person.pseudonym() : entry.actor(), scrubber.text(entry.reason()),
				changes, signIn ? null : entry.address());
	}

	private @Nullable String normalized(@Nullable String changes) {
		return changes == null ? null : json.writeValueAsString(json.readTree(changes));
	}

	/** Values the person's fields had before (an earlier name): a sale of that time copied them too. */
	private List<String> formerValues(List<Stored> own, Set<String> keys) {
		List<String> values = new ArrayList<>();
		for (Stored entry : own) {
			if (entry.changes() != null) {
				JsonNode changes = json.readTree(entry.changes());
				keys.forEach(key -> collect(changes.path(key), values));
			}
		}
		return values;
	}

	private static void collect(JsonNode node, List<String> values) {
		if (node.isString()) {
			values.add(node.asString());
		}
		node.forEach(child -> collect(child, values));
	}

	private static Scrubber scrubber(PersonalData person, List<String> former) {
		Set<String> values = new LinkedHashSet<>(person.values());
		values.addAll(former);
		if (person.actor() != null) {
			values.add(person.actor());
		}
		return new Scrubber(values, person.keys());
	}

}
