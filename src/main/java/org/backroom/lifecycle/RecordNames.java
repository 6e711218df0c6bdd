package org.backroom.lifecycle;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How people name a record of any kind ("Ada Dubois (C000060)"), for pages that mention records they do not own,
 * such as the approvals inbox. A purged record is named by its kind and id, which is all that is left of it.
 */
@Component
public class RecordNames {

	private final RecordKinds kinds;

	private final RecordRows rows;

	private final JdbcClient jdbc;

	RecordNames(RecordKinds kinds, RecordRows rows, JdbcClient jdbc) {
		this.kinds = kinds;
		this.rows = rows;
		this.jdbc = jdbc;
	}

	/**
	 * The codes of records of a kind by id ({@code C000060}): names without personal data, for events to other
	 * systems. Empty for a kind without codes, or an unknown kind; a purged record has none.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> codes(String kindName, Collection<Long> ids) {
		Map<Long, String> codes = new HashMap<>();
		RecordKind kind = kinds.all().stream().filter(k -> k.name().equals(kindName)).findFirst().orElse(null);
		if (kind == null || kind.codeSql() == null || ids.isEmpty()) {
			return codes;
		}
		jdbc.sql("SELECT id, " + kind.codeSql() + " AS code FROM " + kind.table() + " WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query((rs, row) -> codes.put(rs.getLong("id"), rs.getString("code")))
			.list();
		return codes;
	}

	/** The record's name, or "#id" when its row is gone. */
	@Transactional(readOnly = true)
	public String of(String kindName, long id) {
		try {
			return rows.label(kinds.byName(kindName), id);
		}
		catch (RecordNotFound gone) {
			return "#" + id + " (purged)";
		}
	}

}
