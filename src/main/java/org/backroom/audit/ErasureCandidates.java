package org.backroom.audit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit entries an erasure reads: those about the person's record, and all that may carry their data. */
final class ErasureCandidates {

	private final JdbcClient jdbc;

	ErasureCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry as it is stored. */
	record Stored(long id, String actor, @Nullable String reason, @Nullable String changes,
			@Nullable String address, @Nullable String recordKind, @Nullable Long recordId) {
	}

	/** The entries about the person's own record, oldest first. */
	List<Stored> about(PersonalData person) {
		return entries("record_kind = ? AND record_id = ?", person.recordKind(), person.recordId());
	}

	/** The entries that may carry the person's data; the scrubber decides which do. */
	List<Stored> candidates(PersonalData person, Scrubber scrubber) {
		StringBuilder where = new StringBuilder("(record_kind = ? AND record_id = ?)");
		List<Object> params = new ArrayList<>(List.of(person.recordKind(), person.recordId()));
		for (PersonalData.Related related : person.related()) {
			if (!related.ids().isEmpty()) {
				where.append(" OR (record_kind = ? AND record_id = ANY (?))");
				params.add(related.recordKind());
				params.add(related.ids().toArray(Long[]::new));
			}
		}
		if (person.actor() != null) {
			where.append(" OR actor = ?");
			params.add(person.actor());
		}
		List<String> patterns = scrubber.searchPatterns();
		if (!patterns.isEmpty()) {
			where.append(" OR reason ILIKE ANY (?) OR changes::text ILIKE ANY (?)");
			params.add(patterns.toArray(String[]::new));
			params.add(patterns.toArray(String[]::new));
		}
		return entries(where.toString(), params.toArray());
	}

	private List<Stored> entries(String where, Object... params) {
		return jdbc.sql("SELECT id, actor, reason, changes::text AS changes, address, record_kind, record_id"
				+ " FROM audit_log WHERE " + where + " ORDER BY id")
			.params(params)
			.query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("actor"), rs.getString("reason"),
					rs.getString("changes"), rs.getString("address"), rs.getString("record_kind"),
					rs.getObject("record_id", Long.class)))
			.list();
	}

}
